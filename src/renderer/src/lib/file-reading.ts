// Reading picked files in the browser: base64 for the engine, and a small JPEG thumbnail for images.

/** Longest side of a thumbnail, in CSS pixels. */
export const THUMBNAIL_MAX_PX = 320;
const THUMBNAIL_JPEG_QUALITY = 0.8;

/** Reads a file (or blob) as base64 without the data: prefix, reporting progress from 0 to 1. */
export function readAsBase64(blob: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(blob);
  });
}

/** Scales an image down to fit THUMBNAIL_MAX_PX and encodes it as JPEG; null if the browser cannot decode it. */
export async function makeThumbnailBase64(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const scale = Math.min(1, THUMBNAIL_MAX_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const g = canvas.getContext('2d');
  if (!g) return null;
  // JPEG has no alpha: paint white first so transparent PNGs do not turn black.
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', THUMBNAIL_JPEG_QUALITY),
  );
  return blob ? readAsBase64(blob) : null;
}

/** A MIME type for a file the browser could not type, guessed from its extension. */
export function mimeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    odt: 'application/vnd.oasis.opendocument.text',
    txt: 'text/plain',
    csv: 'text/csv',
  };
  return known[ext] ?? 'application/octet-stream';
}
