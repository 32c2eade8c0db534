import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { SignedInAccount } from '../../shared/accounts/account';
import type { Role } from '../../shared/cases/loop-types';

/**
 * Who is signed in on this workstation. The UI uses the role to show what the account may do; the
 * case service checks the stored account again where each action runs (renderer/db/case-actions.ts).
 */
export const useAuthStore = defineStore('auth', () => {
  const account = shallowRef<SignedInAccount | null>(null);
  const role = computed<Role | null>(() => account.value?.role ?? null);

  function setAccount(next: SignedInAccount | null): void {
    account.value = next === null ? null : { ...next };
  }

  return { account, role, setAccount };
});
