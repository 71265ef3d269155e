// Saves text as a file from the page: a Blob behind a temporary <a download> (browser mode and
// Electron alike, without a round trip to the engine).

/** Offers `text` to the editor as a file named `name`. */
export function downloadText(text: string, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
