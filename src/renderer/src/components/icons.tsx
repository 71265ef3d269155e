// Small line icons drawn for the desk (24×24 grid, currentColor), decorative unless labelled.
import type { ReactNode } from 'react';
import type { Platform } from '../../../shared/domain';

/** The frame every line icon is drawn in. */
export function LineSvg({
  children,
  size = 16,
  strokeWidth = 2,
}: {
  children: ReactNode;
  size?: number;
  strokeWidth?: number;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** The mark of a platform: a paper plane, a speech bubble, a hook, a feed. */
export function PlatformIcon({ platform, size }: { platform: Platform; size?: number }) {
  switch (platform) {
    case 'telegram':
      return (
        <LineSvg size={size}>
          <path d="M21 4 3 11l6 2.5M21 4l-3 16-6.5-5M21 4 9 13.5m0 0V19l2.5-3.5" />
        </LineSvg>
      );
    case 'whatsapp':
      return (
        <LineSvg size={size}>
          <path d="M4 20l1.3-3.9A8 8 0 1 1 8 19z" />
          <path d="M9 9.5c0 3 2.5 5.5 5.5 5.5" />
        </LineSvg>
      );
    case 'webhook':
      return (
        <LineSvg size={size}>
          <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
          <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
        </LineSvg>
      );
    case 'feed':
      return (
        <LineSvg size={size}>
          <path d="M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8" />
          <circle cx="6" cy="18" r="1.2" />
        </LineSvg>
      );
  }
}

/** A paperclip, for attachments. */
export function AttachmentIcon() {
  return (
    <LineSvg size={14}>
      <path d="M20 11.5 12 19.5a5 5 0 0 1-7-7l8-8a3.5 3.5 0 0 1 5 5l-8 8a2 2 0 0 1-3-3l7-7" />
    </LineSvg>
  );
}

/** Three bars, for polls. */
export function PollIcon() {
  return (
    <LineSvg size={14}>
      <path d="M5 20V10M12 20V4M19 20v-7" />
    </LineSvg>
  );
}

/** A clock, for scheduled items. */
export function ClockIcon() {
  return (
    <LineSvg size={14}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </LineSvg>
  );
}

/** A disc with a slash, for work that exists only on this machine. */
export function LocalIcon() {
  return (
    <LineSvg size={12}>
      <rect x="4" y="5" width="16" height="11" rx="1.5" />
      <path d="M9 20h6M12 16v4" />
    </LineSvg>
  );
}

/** Two chain links, for the Link format. */
export function LinkIcon() {
  return (
    <LineSvg size={15}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </LineSvg>
  );
}

/** A tick, for confirmations. */
export function CheckIcon() {
  return (
    <LineSvg size={14}>
      <path d="M5 12.5 10 17.5 19 7" />
    </LineSvg>
  );
}
