import { formatStep } from '../chart/format';

/** Text the network sampled, shown exactly (monospace, whitespace kept), with when and how hot it was sampled. */
export function TextOutput({ step, temperature, text }: { step: number; temperature: number; text: string }) {
  return (
    <figure className="output-text">
      <figcaption className="output-meta">
        Sampled at step {formatStep(step)}, temperature {temperature}
      </figcaption>
      <pre className="output-sample" data-testid="sampled-text">
        {text}
      </pre>
    </figure>
  );
}
