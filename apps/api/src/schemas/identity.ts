import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';

export const RoleSchema = Type.Union([
  Type.Literal('customer'),
  Type.Literal('organizer'),
  Type.Literal('admin'),
  Type.Literal('staff'),
]);

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  organizerId: Nullable(Type.String()),
  disabled: Type.Boolean(),
  createdAt: IsoDateTime,
});

export const AuthResultSchema = Type.Object({
  user: UserSchema,
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
});

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('organizer')])),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Password },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  {
    refreshToken: Type.Optional(
      Type.String({ maxLength: 512, description: 'Omit to use the httpOnly cookie' }),
    ),
  },
  { additionalProperties: false },
);

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actorId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

// Unknown fields (role, organizerId, disabled, …) are stripped by validation, never applied.
export const ProfileBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);

export const AdminUserPatch = Type.Object(
  { role: Type.Optional(RoleSchema), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const StaffBody = Type.Object(
  { email: Email, name: Type.String({ minLength: 1, maxLength: 100 }), password: Password },
  { additionalProperties: false },
);
