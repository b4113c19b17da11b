import { useEffect, useState } from 'react';

/** How long the choices must stay still before the preview reloads (each reload starts a lab and its worker). */
export const PREVIEW_DELAY_MS = 700;

/**
 * The embed as the host page will show it, live: an iframe of its address, reloaded when the choices have not
 * changed for PREVIEW_DELAY_MS. The dialog mounts it only while open, so a closed dialog runs nothing.
 */
export function SharePreview({ src, delay = PREVIEW_DELAY_MS }: { src: string; delay?: number }) {
  const [shown, setShown] = useState(src);
  useEffect(() => {
    if (src === shown) return;
    const t = setTimeout(() => setShown(src), delay);
    return () => clearTimeout(t);
  }, [src, shown, delay]);
  return (
    <figure className="share-preview">
      <figcaption>
        Preview{src === shown ? '' : ' (updating…)'}
      </figcaption>
      {/* the key makes a new frame for a new address: the old lab and its worker end with it */}
      <iframe key={shown} src={shown} title="Preview of the embed" data-testid="share-preview" loading="eager" />
    </figure>
  );
}
