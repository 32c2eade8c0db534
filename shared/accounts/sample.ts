/**
 * Sample accounts of the sample township (示例账号). The passwords are published on purpose, in the
 * README, so anyone trying GridDesk can sign in in each role; a real deployment replaces or disables
 * these accounts on first use.
 */
import type { Role } from '../cases/loop-types';
import type { Account, PasswordHash } from './account';

export interface SampleCredential {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
}

/**
 * SAMPLE CREDENTIALS, NOT SECRETS: the sign-in names and passwords of the sample township's three
 * accounts, one per role, as shown in the README.
 */
export const SAMPLE_ACCOUNT_CREDENTIALS: readonly SampleCredential[] = [
  {
    id: 'account-zhiban',
    username: 'zhiban',
    password: 'zhiban2026',
    displayName: '值班员 王丽',
    role: 'operator',
  },
  {
    id: 'account-daiban',
    username: 'daiban',
    password: 'daiban2026',
    displayName: '带班领导 陈刚',
    role: 'leader',
  },
  { id: 'account-wall', username: 'wall', password: 'wall2026', displayName: '大屏 只读', role: 'viewer' },
];

/**
 * Builds the three sample accounts, hashing each sample password with `hash` (normally
 * `(p) => hashPassword(p)` at the default 600,000 iterations: about a second for all three in a
 * browser, paid once when seeding). `createdAt` is epoch milliseconds.
 */
export async function sampleAccounts(
  hash: (password: string) => Promise<PasswordHash>,
  createdAt: number = Date.now(),
): Promise<readonly Account[]> {
  // All three at once: WebCrypto derives off the calling thread, so they share the cores.
  return Promise.all(
    SAMPLE_ACCOUNT_CREDENTIALS.map(async (c): Promise<Account> => ({
      id: c.id,
      username: c.username,
      displayName: c.displayName,
      role: c.role,
      password: await hash(c.password),
      disabled: false,
      createdAt,
    })),
  );
}
