import { describe, expect, it } from 'vitest';
import { acceptsFile, dragHasFiles } from './dropped-files';

const ACCEPT = 'image/*,video/*,application/pdf,.pdf,.docx';

describe('acceptsFile', () => {
  it('takes what the picker would offer', () => {
    expect(acceptsFile({ name: 'tram.JPG', type: 'image/jpeg' }, ACCEPT)).toBe(true);
    expect(acceptsFile({ name: 'clip.mp4', type: 'video/mp4' }, ACCEPT)).toBe(true);
    expect(acceptsFile({ name: 'notice.pdf', type: '' }, ACCEPT)).toBe(true);
    expect(acceptsFile({ name: 'Report.DOCX', type: '' }, ACCEPT)).toBe(true);
  });

  it('refuses the rest', () => {
    expect(acceptsFile({ name: 'setup.exe', type: 'application/x-msdownload' }, ACCEPT)).toBe(
      false,
    );
    expect(acceptsFile({ name: 'page.html', type: 'text/html' }, ACCEPT)).toBe(false);
    expect(acceptsFile({ name: 'imagefile', type: 'imagex/png' }, ACCEPT)).toBe(false);
    expect(acceptsFile({ name: 'x.pdf', type: '' }, '')).toBe(false);
  });
});

describe('dragHasFiles', () => {
  it('tells a file drag from a text drag', () => {
    expect(dragHasFiles(['Files', 'application/x-moz-file'])).toBe(true);
    expect(dragHasFiles(['text/plain', 'text/uri-list'])).toBe(false);
  });
});
