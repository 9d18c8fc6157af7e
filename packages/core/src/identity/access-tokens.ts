import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../db/schema';
import type { Clock } from '../shared/clock';
import { UnauthenticatedError } from '../shared/errors';
import { newId } from '../shared/ids';
import type { AuthSettings } from './auth-settings';

// RFC 9068 type for access tokens: verification demands it, so no other JWT we sign can pass as one.
const ACCESS_TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

export async function issueAccessToken(
  auth: AuthSettings,
  clock: Clock,
  claims: AccessClaims,
): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
    .setSubject(claims.userId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + auth.accessTokenTtlSeconds)
    .setJti(newId())
    .sign(auth.jwtSecret);
}

/** Verifies signature (HS256 only: no `none`, no key confusion), type, issuer, audience and expiry. */
export async function verifyAccessToken(
  auth: AuthSettings,
  clock: Clock,
  token: string,
): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, auth.jwtSecret, {
      algorithms: [ALGORITHM],
      typ: ACCESS_TOKEN_TYPE,
      issuer: auth.issuer,
      audience: auth.audience,
      currentDate: clock.now(),
      requiredClaims: ['sub', 'exp', 'iat', 'sid'],
      clockTolerance: 0,
    });
    if (typeof payload.sid !== 'string' || typeof payload.role !== 'string' || !payload.sub) {
      throw new UnauthenticatedError('invalid_token', 'Malformed access token');
    }
    return { userId: payload.sub, role: payload.role as Role, sessionId: payload.sid };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new UnauthenticatedError('token_expired', 'Access token expired');
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError('invalid_token', 'Invalid access token');
  }
}
