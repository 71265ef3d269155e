// Where a copy stands on its platform, in every list: Publishing… · Published · Failed · Due on
// WhatsApp · Overdue (loud) · Withdrawn. Nothing before the hub first tried.
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../../../shared/sync/protocol';
import { badgeState, badgeWords } from './delivery-words';
import { FailedIcon, OverdueIcon, TaskIcon } from './PublishingIcons';
import { useClock } from './use-clock';

interface DeliveryBadgeProps {
  delivery: Delivery | null | undefined;
  /** Lists use `delivery-badge`; the composer's panel names its own. */
  testId?: string;
}

/** The delivery badge; `null` delivery shows nothing. */
export function DeliveryBadge({ delivery, testId = 'delivery-badge' }: DeliveryBadgeProps) {
  if (!delivery) return null;
  return <DeliveryBadgeOf delivery={delivery} testId={testId} />;
}

function DeliveryBadgeOf({ delivery, testId }: { delivery: Delivery; testId: string }) {
  const { t } = useTranslation();
  // Re-renders only when the badge's state changes (a due post turning overdue).
  const state = useClock((now) => badgeState(delivery, now));
  const { label, hint } = badgeWords(delivery, state, t);
  const task = state === 'published' && delivery.task !== null;
  return (
    <span
      className={`badge badge-delivery badge-delivery-${state}${task ? ' badge-delivery-task' : ''}`}
      title={hint}
      data-testid={testId}
      data-state={state}
      data-task={delivery.task ?? undefined}
    >
      {state === 'overdue' ? <OverdueIcon /> : null}
      {state === 'failed' ? <FailedIcon /> : null}
      {state === 'due' || task ? <TaskIcon /> : null}
      <span>{label}</span>
      <span className="visually-hidden">{` — ${hint}`}</span>
    </span>
  );
}
