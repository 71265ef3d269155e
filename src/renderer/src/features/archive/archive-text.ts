// Small text helpers of the archive screen.

/** The first line of a copy's text, for lists and titles. */
export const titleOfText = (text: string): string => text.split('\n', 1)[0]?.trim() ?? '';
