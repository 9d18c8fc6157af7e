import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AUDIT_ACTION_LIST,
  DomainError,
  ERROR_CODE_LIST,
  ERROR_CODES,
  isCataloguedProblem,
  STATUS_OF_KIND,
  type ErrorKind,
} from '@eventhub/core';
import Fastify from 'fastify';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderOpenApiDocument } from '../src/openapi-document';
import { errorsPlugin } from '../src/plugins/errors';

// The compiler already refuses a code missing from ERROR_CODES; these checks catch what gets past
// it (a cast) and keep the catalogue free of codes nothing sends. test-env.ts checks every
// problem answer of the API suites against the catalogue at run time.
const ROOT = path.join(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['packages/core/src', 'apps/api/src'].map((dir) => path.join(ROOT, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const sources = SOURCE_DIRS.flatMap(sourceFiles).map((file) => ({
  file: path.relative(ROOT, file),
  ast: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
}));

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/**
 * The string literals an expression can evaluate to: through casts, `a ? b : c`, `a ?? b`, and
 * a local `const code = …` it names.
 */
function literalsOf(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isIdentifier(node)) {
    const scope = ts.findAncestor(node, ts.isFunctionLike);
    let initializer: ts.Expression | undefined;
    if (scope)
      walk(scope, (n) => {
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === node.text)
          initializer = n.initializer;
      });
    return initializer ? literalsOf(initializer) : [];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
  )
    return [...literalsOf(node.left), ...literalsOf(node.right)];
  return [];
}

// Where the code goes in the constructors that take one. A new subclass that passes a code
// through needs a line here, or its codes look unused below.
const CODE_ARGUMENT: Record<string, number> = {
  DomainError: 1,
  ValidationError: 1,
  UnauthenticatedError: 0,
  ConflictError: 0,
};
const STATUS_OF_CLASS: Record<string, number> = {
  ValidationError: STATUS_OF_KIND.invalid,
  UnauthenticatedError: STATUS_OF_KIND.unauthenticated,
  ConflictError: STATUS_OF_KIND.conflict,
};

interface CodeUse {
  code: string;
  /** The status the code is sent with there, when the source says. */
  status: number | null;
  where: string;
}

function statusOfKind(node: ts.Expression | undefined): number | null {
  return node && ts.isStringLiteral(node) && node.text in STATUS_OF_KIND
    ? STATUS_OF_KIND[node.text as ErrorKind]
    : null;
}

/** Every code literal handed to a domain error, a `problem(...)` reply or a code table. */
function codeUses(): CodeUse[] {
  const uses: CodeUse[] = [];
  for (const { file, ast } of sources) {
    const where = (node: ts.Node) => `${file}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const add = (expression: ts.Expression | undefined, status: number | null) => {
      if (expression)
        for (const code of literalsOf(expression)) uses.push({ code, status, where: where(expression) });
    };
    const callCodes = (className: string, args: ts.NodeArray<ts.Expression> | undefined) => {
      const index = CODE_ARGUMENT[className];
      if (index === undefined || !args) return;
      const status =
        className === 'DomainError' ? statusOfKind(args[0]) : (STATUS_OF_CLASS[className] ?? null);
      add(args[index], status);
    };
    walk(ast, (node) => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression))
        callCodes(node.expression.text, node.arguments);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const parent = ts.findAncestor(node, ts.isClassLike)?.heritageClauses?.[0]?.types[0]?.expression;
        if (parent && ts.isIdentifier(parent)) callCodes(parent.text, node.arguments);
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'problem'
      ) {
        const [status, code] = node.arguments;
        add(code, status && ts.isNumericLiteral(status) ? Number(status.text) : null);
      }
      // Defaults such as `code = 'validation_failed'` of the error classes.
      if (
        ts.isParameter(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'code' &&
        node.initializer
      ) {
        const owner = ts.findAncestor(node, ts.isClassLike)?.name?.text;
        if (owner && owner in CODE_ARGUMENT) add(node.initializer, STATUS_OF_CLASS[owner] ?? null);
      }
      // Tables of codes: `const X: Record<string, ErrorCode> = { … }`.
      if (
        ts.isVariableDeclaration(node) &&
        node.type?.getText(ast).includes('ErrorCode') &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer)
      ) {
        for (const property of node.initializer.properties)
          if (ts.isPropertyAssignment(property)) add(property.initializer, null);
      }
    });
  }
  return uses;
}

describe('error catalogue', () => {
  const uses = codeUses();

  it('finds the codes thrown and replied across core and the API', () => {
    expect(uses.length).toBeGreaterThan(ERROR_CODE_LIST.length);
  });

  it('has every code the sources throw or reply with, at the status they send it with', () => {
    const unknown = uses.filter((use) => !(use.code in ERROR_CODES)).map((u) => `${u.where} ${u.code}`);
    expect(unknown, 'codes missing from ERROR_CODES').toEqual([]);
    const wrongStatus = uses
      .filter((use) => use.status !== null && use.code in ERROR_CODES)
      .filter((use) => !isCataloguedProblem(use.status!, use.code))
      .map((u) => `${u.where} ${u.code} sent with ${u.status}`);
    expect(wrongStatus, 'codes sent with another status than the catalogue says').toEqual([]);
  });

  it('lists no code that nothing sends', () => {
    const used = new Set(uses.map((use) => use.code));
    expect(ERROR_CODE_LIST.filter((code) => !used.has(code))).toEqual([]);
  });

  it('gives every code a snake_case name, a 4xx or 5xx status and a one-line meaning', () => {
    for (const code of ERROR_CODE_LIST) {
      const entry = ERROR_CODES[code];
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.meaning.length, code).toBeGreaterThan(10);
      expect(entry.meaning, code).not.toMatch(/\n/);
    }
  });

  it('is answered by the error handler with the status the catalogue gives each domain error code', async () => {
    const kindOf = new Map(Object.entries(STATUS_OF_KIND).map(([kind, status]) => [status as number, kind]));
    const app = Fastify({ logger: false });
    await app.register(errorsPlugin);
    app.get('/throw/:code', async (request) => {
      const { code } = request.params as { code: keyof typeof ERROR_CODES };
      throw new DomainError(kindOf.get(ERROR_CODES[code].status) as ErrorKind, code as never, 'thrown');
    });
    const domainCodes = ERROR_CODE_LIST.filter((code) => kindOf.has(ERROR_CODES[code].status));
    expect(domainCodes.length).toBeGreaterThan(40);
    for (const code of domainCodes) {
      const response = await app.inject({ method: 'GET', url: `/throw/${code}` });
      expect({ code, status: response.statusCode }).toEqual({ code, status: ERROR_CODES[code].status });
      expect(response.json<{ code: string }>().code).toBe(code);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await app.close();
  });
});

describe('the OpenAPI document', () => {
  it('lists every error code with its status and meaning, and every 4xx answer refers to that list', async () => {
    const document = (await renderOpenApiDocument()) as {
      components: { schemas: Record<string, Record<string, unknown>> };
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const problem = document.components.schemas.Problem as {
      properties: { code: { enum: string[] } };
      'x-error-codes': Record<string, { status: number; meaning: string }>;
      description: string;
    };
    expect(problem.properties.code.enum).toEqual(ERROR_CODE_LIST);
    for (const code of ERROR_CODE_LIST) {
      const { status, meaning } = ERROR_CODES[code];
      expect(problem['x-error-codes'][code]).toMatchObject({ status, meaning });
      expect(problem.description).toContain(`| \`${code}\` | ${status} |`);
    }
    const errorAnswers = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .flatMap((operation) => Object.entries(operation.responses ?? {}))
      .filter(([status]) => status.startsWith('4'));
    expect(errorAnswers.length).toBeGreaterThan(100);
    for (const [, answer] of errorAnswers)
      expect(answer.content).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
      });
  });
});

describe('audit action catalogue', () => {
  // Each action is written somewhere: as its literal name, or by a template such as
  // `order.${to}`, whose variable's declared type lists the values it takes.
  const written = new Set<string>();
  for (const { file, ast } of sources) {
    if (file.endsWith('audit/audit-actions.ts')) continue;
    walk(ast, (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) written.add(node.text);
      if (ts.isTemplateExpression(node) && node.templateSpans.length === 1) {
        const [span] = node.templateSpans;
        if (!span || !ts.isIdentifier(span.expression)) return;
        const name = span.expression.text;
        const scope = ts.findAncestor(node, ts.isFunctionLike);
        if (scope)
          walk(scope, (n) => {
            if (
              (ts.isParameter(n) || ts.isVariableDeclaration(n)) &&
              ts.isIdentifier(n.name) &&
              n.name.text === name &&
              n.type
            )
              walk(n.type, (t) => {
                if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))
                  written.add(`${node.head.text}${t.literal.text}${span.literal.text}`);
              });
          });
      }
    });
  }

  it('lists no action that nothing writes', () => {
    expect(AUDIT_ACTION_LIST.filter((action) => !written.has(action))).toEqual([]);
  });

  it('names every action dotted and snake_case', () => {
    for (const action of AUDIT_ACTION_LIST) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
