import { memo } from 'react';
import { renderTex } from './katex-render';

/** A formula typeset by KaTeX (display style unless `inline`); React replaces its HTML only when the TeX string changes. */
export const Tex = memo(function Tex({ tex, className, inline = false }: { tex: string; className?: string; inline?: boolean }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderTex(tex, !inline) }} />;
});
