import { ref, shallowRef } from 'vue';
import type { CaseAction, CaseActionType } from '../../shared/cases/loop-types';
import { isMajorCase } from '../../shared/settings/centre-settings';
import { runCaseActions } from '../db/case-actions';
import { currentDb } from '../db/handle';
import type { AttachmentRow } from '../attachments';
import { i18n } from '../i18n';
import { messageText } from '../i18n/message-text';
import { useAuthStore } from './auth';
import { useCasesStore } from './cases';
import { notifier } from './notify';
import { ACTIONS_WITH_INPUT } from './queue-keys';
import { useSettingsStore } from './settings';

/**
 * Case actions started from the queue or the case detail (part of the queue store's setup): the
 * action waiting for its dialog, and running actions as the signed-in account.
 */
export function useQueueActions() {
  /** The action whose dialog is open. */
  const pending = shallowRef<{ readonly caseId: string; readonly type: CaseActionType } | null>(null);
  const busy = ref(false);

  /** Runs actions on a case as the signed-in account; says what went wrong or that it worked. */
  async function perform(
    caseId: string,
    action: CaseAction,
    attachments: readonly AttachmentRow[] = [],
  ): Promise<boolean> {
    const t = i18n.global.t;
    const token = useAuthStore().token;
    if (!token) {
      notifier().error(t('auth.notSignedIn'));
      return false;
    }
    busy.value = true;
    try {
      const result = await runCaseActions(currentDb(), caseId, [action], token, Date.now(), {
        attachments,
      });
      if (!result.ok) {
        notifier().error(messageText(t, i18n.global.te, result.reason.key, result.reason.params));
        return false;
      }
      notifier().success(t('caseView.done', { action: t(`action.${action.type}`) }), 1500);
      return true;
    } catch (error) {
      notifier().error(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Starts an action: a dialog for one that needs input, otherwise it runs at once. */
  async function act(caseId: string, type: CaseActionType): Promise<void> {
    if (ACTIONS_WITH_INPUT.includes(type)) {
      pending.value = { caseId, type };
      return;
    }
    if (type === 'register') {
      // 立案 marks the case major when the centre's policy says so (by urgency or matter): its dispatch
      // then waits for the shift leader's approval.
      const kase = useCasesStore().queueCaseById.get(caseId);
      const major =
        kase !== undefined &&
        isMajorCase(useSettingsStore().settings.majorCase, kase.matterCode, kase.urgency);
      await perform(caseId, { type, payload: { major } });
      return;
    }
    await perform(caseId, { type, payload: {} } as CaseAction);
  }

  function closeDialog(): void {
    pending.value = null;
  }

  return { pending, busy, perform, act, closeDialog };
}
