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
  emailVerified: Type.Boolean({
    description: 'The user proved the address is theirs (a verification link was used)',
  }),
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
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description:
          'Omit to invite: the address is mailed a link (single-use, 7 days) to choose a password; ' +
          'until then the account cannot sign in',
      }),
    ),
  },
  { additionalProperties: false },
);

export const StaffSchema = Type.Object({
  ...UserSchema.properties,
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('disabled')], {
    description:
      '`invited`: the invitation is not accepted yet; `active`: can sign in; `disabled`: an admin disabled the account',
  }),
  invitedAt: Nullable(
    Type.String({ format: 'date-time', description: 'When the newest invitation was mailed' }),
  ),
  invitationExpiresAt: Nullable(
    Type.String({ format: 'date-time', description: "When that invitation's link stops working" }),
  ),
});

export const StaffParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

// Account life cycle (API.md): links mailed for verification, password reset and e-mail change.

export const AccountToken = Type.String({
  minLength: 1,
  maxLength: 256,
  description: 'The `token` query parameter of the mailed link',
});

export const Accepted = Type.Object(
  { accepted: Type.Literal(true) },
  { description: 'Taken in; any e-mail goes out shortly. The same body whatever the address' },
);

export const VerifyEmailBody = Type.Object({ token: AccountToken }, { additionalProperties: false });

export const PasswordResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });

export const PasswordResetBody = Type.Object(
  { token: AccountToken, password: Password },
  { additionalProperties: false },
);

export const StaffInviteAcceptBody = Type.Object(
  { token: AccountToken, password: Password },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);

export const EmailChangeBody = Type.Object(
  { newEmail: Email, currentPassword: Password },
  { additionalProperties: false },
);
