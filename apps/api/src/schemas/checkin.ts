import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';
import { CheckinAnswerSchema } from './questions';

const Code = Type.String({ minLength: 1, maxLength: 512, description: 'What the QR code holds' });
const DeviceId = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'The scanner, for the audit trail',
});
const Nonce = Type.String({
  minLength: 8,
  maxLength: 64,
  description: 'Unique per scan: a retried scan with the same nonce gets the same answer',
});

export const ValidateBody = Type.Object(
  {
    code: Code,
    eventId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    nonce: Type.Optional(Nonce),
    deviceId: Type.Optional(DeviceId),
  },
  { additionalProperties: false },
);

export const ScannedTicketSchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  ticketTypeId: Type.String(),
  ticketTypeName: Type.String(),
  holderName: Type.String(),
});

export const ValidTicketSchema = Type.Object({
  result: Type.Literal('valid'),
  ticket: Type.Object({
    ...ScannedTicketSchema.properties,
    answers: Type.Array(CheckinAnswerSchema, {
      description:
        "The answers to the event's \"show at check-in\" questions (the order's and this attendee's)",
    }),
  }),
  checkedInAt: IsoDateTime,
});

const ScanResult = Type.Union([
  Type.Literal('valid'),
  Type.Literal('already_used'),
  Type.Literal('void'),
  Type.Literal('wrong_event'),
  Type.Literal('invalid_code'),
]);

const CheckinStatsSchema = Type.Object({
  checkedIn: Type.Integer({ description: 'Tickets admitted so far' }),
  sold: Type.Integer({ description: 'Tickets that are not void' }),
});

export const CheckinKeysSchema = Type.Object({
  eventId: Type.String(),
  eventName: Type.String(),
  eventStatus: Type.String(),
  startsAt: Nullable(IsoDateTime),
  timezone: Type.String({ description: 'IANA zone the event is shown in' }),
  keys: Type.Array(
    Type.Object({
      keyId: Type.String({ description: 'Bytes 1–4 of a decoded code, base64url' }),
      algorithm: Type.Literal('Ed25519'),
      publicKey: Type.String({ description: 'Raw 32-byte Ed25519 public key, base64url (a JWK `x`)' }),
      createdAt: IsoDateTime,
      retiredAt: Nullable(IsoDateTime),
    }),
  ),
  voidTicketIds: Type.Array(Type.String()),
  revokedCodes: Type.Array(Type.String(), { description: 'Codes replaced by a reissue' }),
  stats: CheckinStatsSchema,
  generatedAt: IsoDateTime,
});

export const CheckinEventSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  startsAt: Nullable(IsoDateTime),
  timezone: Type.String(),
  venueName: Nullable(Type.String()),
  stats: CheckinStatsSchema,
});

export const OfflineSyncBody = Type.Object(
  {
    deviceId: Type.Optional(DeviceId),
    scans: Type.Array(
      Type.Object(
        { code: Code, scannedAt: IsoDateTime, nonce: Type.Optional(Nonce) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const OfflineSyncReportSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      code: Type.String(),
      ticketId: Nullable(Type.String()),
      result: ScanResult,
      checkedInAt: Nullable(IsoDateTime),
      conflict: Type.Boolean({ description: 'The ticket was admitted more than once at the door' }),
    }),
  ),
  accepted: Type.Integer(),
  conflicts: Type.Integer(),
});

export const SigningKeySchema = Type.Object({
  keyId: Type.String(),
  algorithm: Type.Literal('Ed25519'),
  publicKey: Type.String(),
  createdAt: IsoDateTime,
  retiredAt: Nullable(IsoDateTime),
});
