import {
  acceptStaffInvitation,
  getCurrentUser,
  login,
  logout,
  refreshSession,
  registerUser,
  updateProfile,
  UnauthenticatedError,
  type AuthResult,
} from '@eventhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { identityDeps } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import type { RateLimits } from '../plugins/rate-limits';
import type { TypedApp } from '../typed-app';
import { errors, NoContent } from '../schemas/common';
import {
  AuthResultSchema,
  LoginBody,
  ProfileBody,
  RefreshBody,
  RegisterBody,
  StaffInviteAcceptBody,
  UserSchema,
} from '../schemas/identity';

export const REFRESH_COOKIE = 'eventhub_refresh';
/**
 * Tells the web app's script that a refresh cookie is there to exchange: it cannot see the
 * httpOnly cookie itself, and asking /api/auth/refresh without one costs a visitor who never
 * signed in a request and a 401 in the browser's console on every page. It holds no secret.
 */
export const SESSION_HINT_COOKIE = 'eventhub_signed_in';

/** The web app keeps the refresh token in an httpOnly cookie scoped to the auth routes. */
function setRefreshCookie(reply: FastifyReply, ctx: AppContext, result: AuthResult): void {
  const lifetime = { secure: true, sameSite: 'strict', maxAge: ctx.config.sessionTtlSeconds } as const;
  reply.setCookie(REFRESH_COOKIE, result.refreshToken, { ...lifetime, httpOnly: true, path: '/api/auth' });
  reply.setCookie(SESSION_HINT_COOKIE, '1', { ...lifetime, httpOnly: false, path: '/' });
}

function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  reply.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

function refreshTokenFrom(
  request: FastifyRequest,
  body: { refreshToken?: string | undefined },
): string | undefined {
  return body.refreshToken ?? request.cookies[REFRESH_COOKIE];
}

export async function authRoutes(app: TypedApp, { ctx, limits }: { ctx: AppContext; limits: RateLimits }) {
  const deps = identityDeps(ctx);

  app.post(
    '/api/auth/register',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign up as a customer or organizer',
        body: RegisterBody,
        response: { 201: AuthResultSchema, ...errors(400, 409, 429) },
      },
    },
    async (request, reply) => {
      await limits.registerPerIp.spend(request.ip);
      const result = await registerUser(deps, request.body, requestMeta(request));
      setRefreshCookie(reply, ctx, result);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password',
        body: LoginBody,
        response: { 200: AuthResultSchema, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await limits.login.run(
        request.ip,
        request.body.email.trim().toLowerCase(),
        () => login(deps, request.body, requestMeta(request)),
        (error) => error instanceof UnauthenticatedError && error.code === 'invalid_credentials',
      );
      setRefreshCookie(reply, ctx, result);
      return result;
    },
  );

  app.post(
    '/api/auth/staff-invite/accept',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Accept a door-staff invitation: choose your password and sign in',
        description:
          'The token of the mailed invitation link. The address becomes verified and the answer is a ' +
          'login, like POST /api/auth/login. A spent, expired or unknown token, or one whose account ' +
          'was removed meanwhile, is 400 `invalid_token`. The password policy applies.',
        body: StaffInviteAcceptBody,
        response: { 200: AuthResultSchema, ...errors(400) },
      },
    },
    async (request, reply) => {
      const result = await acceptStaffInvitation(deps, request.body, requestMeta(request));
      setRefreshCookie(reply, ctx, result);
      return result;
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Rotate a refresh token for a new token pair',
        description:
          'The old refresh token is spent. Presenting a spent token revokes the whole login (401 refresh_token_reused).',
        body: RefreshBody,
        response: { 200: AuthResultSchema, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await limits.refreshPerIp.spend(request.ip);
      const body = request.body ?? {};
      try {
        const token = refreshTokenFrom(request, body);
        if (!token) throw new UnauthenticatedError('invalid_refresh_token', 'No refresh token was sent');
        const result = await refreshSession(deps, token, requestMeta(request));
        setRefreshCookie(reply, ctx, result);
        return result;
      } catch (error) {
        // A missing, expired, spent or revoked cookie will not work again: drop it and its hint,
        // so the web app stops asking on every page. A token sent in the body leaves them alone.
        if (error instanceof UnauthenticatedError && !body.refreshToken) clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'End this login: revoke its refresh tokens and access tokens',
        body: RefreshBody,
        response: { 204: NoContent, ...errors(401) },
      },
    },
    async (request, reply) => {
      await logout(
        deps,
        actorOf(request),
        { refreshToken: refreshTokenFrom(request, request.body ?? {}) },
        requestMeta(request),
      );
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user',
        response: { 200: UserSchema, ...errors(401) },
      },
    },
    async (request) => getCurrentUser(ctx, actorOf(request)),
  );

  app.patch(
    '/api/auth/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['identity'],
        summary: 'Update your own profile (name only)',
        body: ProfileBody,
        response: { 200: UserSchema, ...errors(400, 401) },
      },
    },
    async (request) => updateProfile(ctx, actorOf(request), request.body, requestMeta(request)),
  );
}
