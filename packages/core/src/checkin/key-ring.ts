import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db, DbOrTx } from '../db/database';
import type { Clock } from '../shared/clock';
import { sealingKey, seal, unseal } from './sealed-keys';
import {
  newKeyId,
  parseTicketCode,
  signatureIsValid,
  signTicketCode,
  type TicketCodeClaims,
} from './ticket-code';

export interface VerifiedTicketCode extends TicketCodeClaims {
  /** The organizer whose key signed the code. */
  signerId: string;
}

export interface PublicSigningKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte public key, base64url (as in a JWK's `x`). */
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
}

/** Signs new ticket codes; what issuing tickets needs, so order code depends on nothing more. */

interface VerifyKey {
  organizerId: string;
  key: KeyObject;
}

interface ActiveSigner {
  keyId: string;
  key: KeyObject;
  loadedAt: number;
}

// A key rotated by another process is picked up within this time; its old key still verifies.
const ACTIVE_KEY_TTL_MS = 60_000;
const UNKNOWN_KEY_TTL_MS = 10_000;
const MAX_UNKNOWN_KEYS = 10_000;

const publicKeyObject = (raw: string) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });

/**
 * The organizers' Ed25519 keys. Public keys are cached for good (a key never changes), so
 * checking a signature needs no query once a key has been seen; private keys are opened from
 * their sealed form on first use and kept in memory only.
 */
// Structurally the orders area's TicketCodeSigner: orders sit above check-in and own that interface.
export class TicketKeyRing {
  private readonly sealing: Buffer;
  private readonly verifyKeys = new Map<string, VerifyKey>();
  private readonly unknownKeys = new Map<string, number>();
  private readonly signers = new Map<string, ActiveSigner>();
  // Keys this process inserted inside a transaction that may still roll back: never cached from
  // inside that transaction, only once a read outside it finds them committed.
  private readonly uncommitted = new Set<string>();
  private readonly confirming = new Set<string>();
  // Opened private keys by key id: opening one (AES-GCM + PKCS#8 parse) costs more than signing.
  private readonly opened = new Map<string, KeyObject>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    appSecret: string,
  ) {
    this.sealing = sealingKey(appSecret);
  }

  async sign(
    db: DbOrTx,
    organizerId: string,
    ticket: { ticketId: string; eventId: string },
  ): Promise<string> {
    const signer = await this.activeSigner(db, organizerId);
    return signTicketCode({ keyId: signer.keyId, ...ticket }, signer.key);
  }

  /** The claims of a correctly signed code, or null for anything forged, garbled or unknown. */
  async verify(code: string): Promise<VerifiedTicketCode | null> {
    const parsed = parseTicketCode(code);
    if (!parsed) return null;
    const key = await this.verifyKey(parsed.keyId);
    if (!key || !signatureIsValid(parsed, key.key)) return null;
    return {
      keyId: parsed.keyId,
      ticketId: parsed.ticketId,
      eventId: parsed.eventId,
      signerId: key.organizerId,
    };
  }

  /** Every key of the organizer, newest first: what an offline scanner needs to verify codes. */
  async publicKeys(db: DbOrTx, organizerId: string): Promise<PublicSigningKey[]> {
    const rows = await db
      .selectFrom('signing_keys')
      .select(['id', 'public_key', 'created_at', 'retired_at'])
      .where('organizer_id', '=', organizerId)
      .orderBy('created_at', 'desc')
      .execute();
    // The active key first, then retired ones newest first.
    rows.sort((a, b) => Number(a.retired_at !== null) - Number(b.retired_at !== null));
    return rows.map((r) => ({
      keyId: r.id,
      algorithm: 'Ed25519' as const,
      publicKey: r.public_key,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    }));
  }

  /** Retires the organizer's active key and makes a new one; codes signed before still verify. */
  async rotate(tx: DbOrTx, organizerId: string): Promise<PublicSigningKey> {
    const now = this.clock.now().toISOString();
    await tx
      .updateTable('signing_keys')
      .set({ retired_at: now })
      .where('organizer_id', '=', organizerId)
      .where('retired_at', 'is', null)
      .execute();
    this.signers.delete(organizerId);
    const created = await this.createKey(tx, organizerId);
    this.uncommitted.add(created.keyId);
    return {
      keyId: created.keyId,
      algorithm: 'Ed25519',
      publicKey: created.publicKey,
      createdAt: now,
      retiredAt: null,
    };
  }

  private async activeSigner(db: DbOrTx, organizerId: string): Promise<ActiveSigner> {
    const cached = this.signers.get(organizerId);
    if (cached && Date.now() - cached.loadedAt < ACTIVE_KEY_TTL_MS) return cached;
    const findActive = () =>
      db
        .selectFrom('signing_keys')
        .select(['id', 'private_key_sealed'])
        .where('organizer_id', '=', organizerId)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
    let row = await findActive();
    if (!row) {
      // Two first payments may race here: the partial unique index lets one key win.
      const created = await this.createKey(db, organizerId, { ignoreConflict: true });
      this.uncommitted.add(created.keyId);
      row = await findActive();
      if (!row) throw new Error('No active signing key after creating one');
    }
    const signer = this.openSigner(row.id, row.private_key_sealed);
    if (this.uncommitted.has(row.id)) this.confirmWhenCommitted(organizerId, row.id);
    else this.signers.set(organizerId, signer);
    return signer;
  }

  /**
   * Caches a key this process created once it is committed. Not awaited: on SQLite the read
   * waits for the creating transaction to end, so awaiting it inside that transaction would
   * deadlock; on PostgreSQL it simply does not see the key until the commit.
   */
  private confirmWhenCommitted(organizerId: string, keyId: string): void {
    if (this.confirming.has(keyId)) return;
    this.confirming.add(keyId);
    void this.db
      .selectFrom('signing_keys')
      .select(['id', 'private_key_sealed'])
      .where('id', '=', keyId)
      .where('retired_at', 'is', null)
      .executeTakeFirst()
      .then((row) => {
        if (!row) return;
        this.uncommitted.delete(keyId);
        this.signers.set(organizerId, this.openSigner(row.id, row.private_key_sealed));
      })
      .catch(() => undefined)
      .finally(() => this.confirming.delete(keyId));
  }

  private openSigner(keyId: string, sealed: string): ActiveSigner {
    let key = this.opened.get(keyId);
    if (!key) {
      key = createPrivateKey({ key: unseal(this.sealing, keyId, sealed), format: 'der', type: 'pkcs8' });
      this.opened.set(keyId, key);
    }
    return { keyId, key, loadedAt: Date.now() };
  }

  private async createKey(db: DbOrTx, organizerId: string, options: { ignoreConflict?: boolean } = {}) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keyId = newKeyId();
    const raw = publicKey.export({ format: 'jwk' }).x!;
    const insert = db.insertInto('signing_keys').values({
      id: keyId,
      organizer_id: organizerId,
      public_key: raw,
      private_key_sealed: seal(this.sealing, keyId, privateKey.export({ type: 'pkcs8', format: 'der' })),
      created_at: this.clock.now().toISOString(),
      retired_at: null,
    });
    await (
      options.ignoreConflict
        ? insert.onConflict((oc) => oc.column('organizer_id').where('retired_at', 'is', null).doNothing())
        : insert
    ).execute();
    return { keyId, publicKey: raw };
  }

  private async verifyKey(keyId: string): Promise<VerifyKey | null> {
    const known = this.verifyKeys.get(keyId);
    if (known) return known;
    const unknownUntil = this.unknownKeys.get(keyId);
    if (unknownUntil && unknownUntil > Date.now()) return null;
    const row = await this.db
      .selectFrom('signing_keys')
      .select(['organizer_id', 'public_key'])
      .where('id', '=', keyId)
      .executeTakeFirst();
    if (!row) {
      if (this.unknownKeys.size >= MAX_UNKNOWN_KEYS) this.unknownKeys.clear();
      this.unknownKeys.set(keyId, Date.now() + UNKNOWN_KEY_TTL_MS);
      return null;
    }
    const key = { organizerId: row.organizer_id, key: publicKeyObject(row.public_key) };
    this.verifyKeys.set(keyId, key);
    return key;
  }

  /** Loads every public key at start-up, so verifying a code needs no query at all. */
  async warm(): Promise<void> {
    const rows = await this.db
      .selectFrom('signing_keys')
      .select(['id', 'organizer_id', 'public_key'])
      .execute();
    for (const r of rows)
      this.verifyKeys.set(r.id, { organizerId: r.organizer_id, key: publicKeyObject(r.public_key) });
  }
}
