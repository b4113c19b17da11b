import { useMemo } from 'react';
import type { TaskOutput } from '../../worker/protocol';
import { formatFixed, formatStep } from '../chart/format';
import { sequentialScale } from '../kit/colors';
import { Heatmap } from '../kit/Heatmap';
import { rightCount } from './ExampleTable';
import { describePicture, xMajor } from './picture';
import { PictureCanvas } from './PictureCanvas';
import { Verdict } from './Verdict';

type Captions = Extract<TaskOutput, { kind: 'captions' }>;

/** Screen pixels per picture pixel: the captioned pictures, and the picture beside its feature maps. */
const PICTURE_SCALE = 5;
const MAP_SCALE = 4;

/**
 * The captioner at work: held-out pictures, each scaled up crisp, with the caption it writes (greedy decoding), ✓/✗ and
 * the right caption when wrong; below, what its convolution sees of the inspected picture — one small heatmap per
 * channel after ReLU, on one scale from 0 to the largest value of any channel.
 */
export function CaptionOutput({ output, question }: { output: Captions; question: string }) {
  const { items, features, step, evalSize } = output;
  const { channels: C, size: S, maps } = features;
  const scale = useMemo(() => {
    let hi = 0;
    for (const v of maps) if (Number.isFinite(v) && v > hi) hi = v;
    return sequentialScale(0, hi > 0 ? hi : 1);
  }, [maps]);
  const perChannel = useMemo(() => Array.from({ length: C }, (_, c) => xMajor(maps, c, S)), [maps, C, S]);
  return (
    <div className="example-output captions">
      <p className="export-text">
        <strong>{question}</strong>
        <span className="output-meta">
          {' '}
          — the first {items.length} of {formatStep(evalSize)} pictures it never trained on, at step {formatStep(step)}: {rightCount(items)}
        </span>
      </p>
      <ul className="caption-grid">
        {items.map((it, i) => (
          <li key={i} className="caption-item" data-correct={String(it.correct)}>
            <PictureCanvas rgba={it.image} size={it.size} scale={PICTURE_SCALE} label={`Picture ${i + 1}: ${describePicture(it.image, it.size)}`} />
            <p className="caption-text">
              <span className="caption-output export-text">{it.output === '' ? '(nothing)' : it.output}</span> <Verdict correct={it.correct} as="span" />
            </p>
            {!it.correct && <p className="caption-reference output-meta export-text">should be: {it.reference}</p>}
          </li>
        ))}
      </ul>
      <figure className="feature-maps">
        <figcaption className="output-meta export-text">
          What the convolution sees of the picture it describes as “{features.caption === '' ? 'nothing' : features.caption}”: {C} feature maps (3×3 filters, after ReLU), {S}×{S} each, 0 (dark) to{' '}
          {formatFixed(scale.domain[1], 2)} (yellow). Pooled 2×2, they are what the decoder starts from.
        </figcaption>
        <div className="feature-row">
          <div className="feature-map">
            <PictureCanvas rgba={features.image} size={S} scale={MAP_SCALE} label={`The picture: ${describePicture(features.image, S)}`} />
            <span className="output-meta export-text">picture</span>
          </div>
          {perChannel.map((values, c) => (
            <div key={c} className="feature-map" data-channel={c}>
              <Heatmap
                data={{ values, T: S, units: S, offset: 0, stride: S }}
                scale={scale}
                label={`Feature map ${c + 1} of ${C}`}
                cellW={MAP_SCALE}
                cellH={MAP_SCALE}
                selected={{ t: null, unit: S }}
                raster
                cellName={(x, y) => `channel ${c + 1}, x = ${x}, y = ${y}`}
              />
              <span className="output-meta export-text">channel {c + 1}</span>
            </div>
          ))}
        </div>
      </figure>
    </div>
  );
}
