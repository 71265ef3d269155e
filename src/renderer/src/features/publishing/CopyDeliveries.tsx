// In the composer, next to the sync notes: each copy the hub has tried to publish, with what a person
// must do on WhatsApp first (the task card) and then its delivery panel.
import { useEffect, useRef } from 'react';
import type { Channel, Update } from '../../../../shared/domain';
import type { Delivery } from '../../../../shared/sync/protocol';
import { StoryAnalytics } from '../analytics/StoryAnalytics';
import { DeliveryPanel } from './DeliveryPanel';
import { WhatsAppTaskCard } from './WhatsAppTaskCard';

interface CopyDeliveriesProps {
  copies: Update[];
  byId: Map<string, Channel>;
}

type Delivered = Update & { delivery: Delivery };

const delivered = (c: Update): c is Delivered =>
  c.deletedAt === null && c.delivery !== null && c.delivery !== undefined;

/** Nothing until a copy has a delivery; tasks first, as they need someone now. */
export function CopyDeliveries({ copies, byId }: CopyDeliveriesProps) {
  const ref = useRef<HTMLDivElement>(null);
  const list = copies.filter(delivered).filter((c) => byId.has(c.channelId));
  const tasks = list.filter((c) => c.delivery.task !== null);
  const hasTask = tasks.length > 0;
  useEffect(() => {
    if (!hasTask) return;
    // Opening the story focuses its text, which scrolls the dialog down past the task: once the
    // focus has settled, the dialog shows its top again (the focus stays in the text).
    const frame = requestAnimationFrame(() =>
      ref.current?.closest('.dialog-body')?.scrollTo({ top: 0 }),
    );
    return () => cancelAnimationFrame(frame);
  }, [hasTask]);
  if (list.length === 0) return null;
  return (
    <div ref={ref} className="copy-deliveries" data-testid="copy-deliveries">
      {tasks.map((c) => (
        <WhatsAppTaskCard
          key={`task-${c.id}-${c.delivery.task}`}
          copy={c}
          delivery={c.delivery as Delivery & { task: NonNullable<Delivery['task']> }}
          channel={byId.get(c.channelId)!}
        />
      ))}
      {list.map((c) => (
        <DeliveryPanel key={c.id} copy={c} delivery={c.delivery} channel={byId.get(c.channelId)!} />
      ))}
      <StoryAnalytics storyId={list[0]!.storyId} copies={copies} byId={byId} />
    </div>
  );
}
