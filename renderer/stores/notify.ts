import { ElMessage } from 'element-plus';

/** How stores tell the operator that something worked or what went wrong (a toast in the window). */
export interface Notifier {
  error(message: string): void;
  success(message: string, durationMs?: number): void;
}

const toasts: Notifier = {
  error: (message) => void ElMessage.error(message),
  success: (message, durationMs) => void ElMessage.success({ message, duration: durationMs }),
};

let current: Notifier = toasts;

/** The notifier stores report through: Element Plus toasts, unless {@link setNotifier} replaced it. */
export function notifier(): Notifier {
  return current;
}

/** Replaces the notifier (tests, where there is no DOM for a toast); null restores the toasts. */
export function setNotifier(next: Notifier | null): void {
  current = next ?? toasts;
}
