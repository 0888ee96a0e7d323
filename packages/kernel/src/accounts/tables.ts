/** The kernel's tables, as Kysely sees them. Timestamps are milliseconds since the epoch. */
export interface KernelTables {
  users: {
    id: string;
    email: string;
    name: string;
    role: "admin" | "member";
    password_hash: string | null;
    created_at: number;
    disabled_at: number | null;
  };
  personal_access_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: number;
    expires_at: number | null;
    last_used_at: number | null;
    revoked_at: number | null;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: number;
    expires_at: number;
    last_seen_at: number;
  };
}

export type UserRow = KernelTables["users"];
export type TokenRow = KernelTables["personal_access_tokens"];
