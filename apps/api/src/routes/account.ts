import {
  changePassword,
  requestEmailChange,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
  DomainError,
} from '@eventhub/core';
import type { AppContext } from '../context';
import { identityDeps } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import type { RateLimits } from '../plugins/rate-limits';
import { errors, NoContent } from '../schemas/common';
import {
  Accepted,
  ChangePasswordBody,
  EmailChangeBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  UserSchema,
  VerifyEmailBody,
} from '../schemas/identity';
import type { TypedApp } from '../typed-app';

const ACCEPTED = { accepted: true } as const;

// A wrong current password counts like a failed login of that account: a stolen access token
// does not buy unlimited guesses at the password.
const wrongCurrentPassword = (error: unknown) =>
  error instanceof DomainError && error.code === 'invalid_credentials';

/** The account life cycle (API.md): e-mail verification, password reset and change, e-mail change. */
export async function accountRoutes(app: TypedApp, { ctx, limits }: { ctx: AppContext; limits: RateLimits }) {
  const deps = identityDeps(ctx);

  app.post(
    '/api/auth/verify-email/request',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'Mail yourself a link that verifies your address (single-use, 24 h)',
        description: 'An address already verified gets no mail; the answer is the same.',
        response: { 202: Accepted, ...errors(401, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await limits.spendAccountMail(request.ip, `user:${actor.userId}`);
      await requestEmailVerification(deps, actor, requestMeta(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Use a verification or e-mail change link',
        description:
          'The token of a link from sign-up, verify-email/request or an e-mail change (POST /api/auth/email). ' +
          'The address the link went to becomes verified (for an e-mail change: the account address), and ' +
          'guest orders placed with it join the account. A spent, expired or unknown token is 400 ' +
          '`invalid_token`; an e-mail change to an address another account took meanwhile is 409 `email_taken`.',
        body: VerifyEmailBody,
        response: { 200: UserSchema, ...errors(400, 409) },
      },
    },
    async (request) => verifyEmail(deps, request.body, requestMeta(request)),
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Forgot the password: mail a reset link (single-use, 1 h) if the address has an account',
        description: 'Always 202 with the same body, whether or not an account has the address.',
        body: PasswordResetRequestBody,
        response: { 202: Accepted, ...errors(400, 429) },
      },
    },
    async (request, reply) => {
      await limits.spendAccountMail(request.ip, request.body.email.trim().toLowerCase());
      await requestPasswordReset(deps, request.body, requestMeta(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Set a new password with a reset link; every session of the user is revoked',
        description: 'A spent, expired or unknown token is 400 `invalid_token`. The password policy applies.',
        body: PasswordResetBody,
        response: { 204: NoContent, ...errors(400) },
      },
    },
    async (request, reply) => {
      await resetPassword(deps, request.body, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'Change your password; your other sessions are revoked, this one stays',
        description:
          'A wrong `currentPassword` is 400 `invalid_credentials` (the session is fine, so not 401); ' +
          'such failures count toward the login throttling of the account.',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await limits.login.run(
        request.ip,
        `user:${actor.userId}`,
        () => changePassword(deps, actor, request.body, requestMeta(request)),
        wrongCurrentPassword,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/email',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'Change your e-mail: a link (single-use, 24 h) goes to the new address',
        description:
          'The account keeps its address until the link is used with POST /api/auth/verify-email. ' +
          'An address another account has is 409 `email_taken`; a wrong `currentPassword` is 400 `invalid_credentials`.',
        body: EmailChangeBody,
        response: { 202: Accepted, ...errors(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await limits.spendAccountMail(request.ip, `user:${actor.userId}`);
      await limits.login.run(
        request.ip,
        `user:${actor.userId}`,
        () => requestEmailChange(deps, actor, request.body, requestMeta(request)),
        wrongCurrentPassword,
      );
      return reply.code(202).send(ACCEPTED);
    },
  );
}
