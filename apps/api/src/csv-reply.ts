import { Readable } from 'node:stream';
import type { CsvExport } from '@eventhub/core';
import type { FastifyReply } from 'fastify';

/** A CSV download: streamed when it comes as lines, never cached (it holds buyers' data). */
export function sendCsv(reply: FastifyReply, filename: string, body: string | CsvExport['lines']) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(typeof body === 'string' ? body : Readable.from(body));
}
