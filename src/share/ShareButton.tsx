import { lazy, Suspense, useMemo, useState } from 'react';
import { useLabInstance } from '../state/context';
import { useScenario } from '../state/scenario';
import { offeredControls } from './share-choices';
import type { ShareTarget } from './share-links';

// the dialog (its table, link builders, preview) loads when first wanted, not with the page: pointing at or focusing
// the button starts the download, so it is usually there by the click
const loadDialog = () => import('./ShareDialog');
const ShareDialog = lazy(() => loadDialog().then((m) => ({ default: m.ShareDialog })));
const preload = () => void loadDialog().catch(() => {});

/** The lab header's "Share or embed": the run as it is now (config, views), under the page's scenario. */
export function LabShareButton({ className = 'share-button' }: { className?: string }) {
  const [open, setOpen] = useState(false);
  const { store } = useLabInstance();
  const scenario = useScenario();
  const offered = useMemo(() => offeredControls('lab'), []);
  // the run is read when the dialog opens (not subscribed to: it goes on training while the dialog is open)
  const [opened, setOpened] = useState<{ target: ShareTarget; step: number } | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          const s = store.getState();
          setOpened({ target: { kind: 'lab', config: s.config, ui: s.ui }, step: s.step });
          setOpen(true);
        }}
      >
        Share or embed
      </button>
      {opened && (
        <Suspense fallback={null}>
          <ShareDialog open={open} onClose={() => setOpen(false)} target={opened.target} offered={offered} current={scenario} step={opened.step} />
        </Suspense>
      )}
    </>
  );
}

/** A lesson step's "Share or embed": this step, with the controls the step hands to the student. */
export function LessonShareButton({ lesson, title, step, controls }: { lesson: string; title: string; step: number; controls: readonly string[] }) {
  const [open, setOpen] = useState(false);
  // mounted from the first opening on (closed, it keeps its place for the focus to come back to its button)
  const [wanted, setWanted] = useState(false);
  const scenario = useScenario();
  const target = useMemo<ShareTarget>(() => ({ kind: 'lesson', id: lesson, step, title }), [lesson, step, title]);
  const offered = useMemo(() => offeredControls({ controls }), [controls]);
  return (
    <>
      <button
        type="button"
        className="share-button share-lesson"
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        Share or embed
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <ShareDialog open={open} onClose={() => setOpen(false)} target={target} offered={offered} current={scenario} step={null} />
        </Suspense>
      )}
    </>
  );
}
