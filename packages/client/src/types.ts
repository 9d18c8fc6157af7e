// Placeholder shapes until the generated schema lands; replaced by aliases of generated types.
export type Role = 'customer' | 'organizer' | 'admin' | 'staff';
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizerId: string | null;
  disabled: boolean;
  createdAt: string;
}
export interface AuthResult {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
