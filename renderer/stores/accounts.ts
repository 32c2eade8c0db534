import { defineStore } from 'pinia';
import type { Account } from '../../shared/accounts/account';
import {
  changePassword,
  createAccount,
  listAccounts,
  setAccountDisabled,
  type AccountChangeResult,
} from '../db/accounts-repo';
import { currentDb } from '../db/handle';
import type { SessionToken } from '../db/sessions';

export type { AccountChangeResult };

type NewAccount = Parameters<typeof createAccount>[2];

/**
 * The local accounts as the accounts dialog manages them. Every change passes the session token; the
 * repository (db/accounts-repo.ts) checks who may do what where it writes.
 */
export const useAccountsStore = defineStore('accounts', () => {
  function list(): Promise<Account[]> {
    return listAccounts(currentDb());
  }
  /** Changes a password: one's own with the current one, or (shift leader) anyone's with null. */
  function setPassword(
    session: SessionToken,
    targetId: string,
    currentPassword: string | null,
    newPassword: string,
  ): Promise<AccountChangeResult> {
    return changePassword(currentDb(), session, targetId, currentPassword, newPassword);
  }
  /** Adds an account (shift leader), created at `now` (epoch ms). */
  function create(session: SessionToken, input: NewAccount, now: number): Promise<AccountChangeResult> {
    return createAccount(currentDb(), session, input, now);
  }
  /** Disables or enables an account (shift leader). */
  function setDisabled(
    session: SessionToken,
    targetId: string,
    disabled: boolean,
  ): Promise<AccountChangeResult> {
    return setAccountDisabled(currentDb(), session, targetId, disabled);
  }
  return { list, setPassword, create, setDisabled };
});
