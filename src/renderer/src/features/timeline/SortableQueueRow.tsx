// A queued row that can be dragged within its channel's queue, by pointer or keyboard, through a
// handle (the row itself keeps its own keys: arrows move the focus, Alt+arrows move in the queue).
import { useSortable } from '@dnd-kit/sortable';
import type { SortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';

/**
 * Rows stay where they are while one is dragged: the queue shares the list with day headings,
 * exact-time copies and drafts, so shifting only the queued rows would overlap those. The row
 * under the dragged one is marked instead.
 */
export const stayInPlace: SortingStrategy = () => null;

interface SortableQueueRowProps {
  id: string;
  handleLabel: string;
  roleDescription: string;
  /** The row, given the drag handle to place among its actions. */
  children: (handle: ReactNode) => ReactNode;
}

/** Wraps a queued timeline row so it can be dragged to another place in the queue. */
export function SortableQueueRow({
  id,
  handleLabel,
  roleDescription,
  children,
}: SortableQueueRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging, isOver } =
    useSortable({ id, attributes: { roleDescription } });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="icon-button drag-handle"
      {...attributes}
      {...listeners}
      aria-label={handleLabel}
      title={handleLabel}
      data-testid="queue-drag"
    >
      ⠿
    </button>
  );
  return (
    <div
      ref={setNodeRef}
      className={`queue-sortable${isDragging ? ' dragging' : ''}${isOver && !isDragging ? ' drop-target' : ''}`}
      style={{
        transform: CSS.Translate.toString(transform),
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
        opacity: isDragging ? 0.85 : undefined,
        // The row the dragged one would take the place of.
        outline: isOver && !isDragging ? '2px dashed var(--focus)' : undefined,
        outlineOffset: -2,
      }}
    >
      {children(handle)}
    </div>
  );
}
