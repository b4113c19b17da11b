import { useScenario } from '../state/scenario';
import './share.css';

/** The scenario's caption above the views: plain text (React escapes it; never parsed as HTML). */
export function ScenarioCaption() {
  const { caption } = useScenario();
  if (caption === null) return null;
  return (
    <p className="scenario-caption" data-testid="scenario-caption">
      {caption}
    </p>
  );
}
