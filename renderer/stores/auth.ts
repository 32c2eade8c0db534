import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { SignedInAccount } from '../../shared/accounts/account';
import type { Role } from '../../shared/cases/loop-types';
import type { SessionToken } from '../db/sessions';

/**
 * Who is signed in on this workstation, and the session token sign-in handed out. The UI uses the
 * role to show what the account may do; every write passes the token, and the repository resolves it
 * to the stored account and checks that account's role where it writes (renderer/db/sessions.ts).
 */
export const useAuthStore = defineStore('auth', () => {
  const account = shallowRef<SignedInAccount | null>(null);
  const token = shallowRef<SessionToken | null>(null);
  const role = computed<Role | null>(() => account.value?.role ?? null);

  /** After sign-in: the account as signed in and its session token. */
  function setSession(next: SignedInAccount, session: SessionToken): void {
    account.value = { ...next };
    token.value = session;
  }

  /** After sign-out (or a restore): nobody is signed in. */
  function clearSession(): void {
    account.value = null;
    token.value = null;
  }

  return { account, token, role, setSession, clearSession };
});
