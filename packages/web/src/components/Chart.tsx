import { type ReactNode, useContext, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ExportSourceContext, sourceLine } from "../export/context.js";
import { download } from "../export/download.js";
import { chartSvg, svgToPng } from "../export/image.js";

interface Props {
  title: string;
  /** File name of exports, without extension. */
  name: string;
  /** Builds the chart (an Observable Plot figure or SVG) for the given width in pixels. */
  draw: (width: number) => Element;
  /** Redraws when any of these change: pass the results the drawing reads (by identity), not arrays derived from them on each render. */
  deps: readonly unknown[];
  note?: ReactNode;
}

/** A titled chart that redraws on its data and its width, with SVG and PNG export (title, legend and source line in the file). */
export function Chart({ title, name, draw, deps, note }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  // Drawn before the browser paints, so a new result never shows the old chart for a frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the drawing depends on.
  useLayoutEffect(() => {
    if (!box.current || width === 0) return;
    try {
      box.current.replaceChildren(draw(width));
    } catch (e) {
      // A chart that cannot be drawn says why, instead of taking the page down.
      const p = document.createElement("p");
      p.className = "bad";
      p.textContent = `This chart cannot be drawn: ${(e as Error).message}`;
      box.current.replaceChildren(p);
    }
  }, [width, ...deps]);
  const source = useContext(ExportSourceContext);
  const svg = () => (box.current ? chartSvg(box.current, { title, source: sourceLine(source) }) : undefined);
  return (
    <figure className="chart" data-chart={name} aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <span className="chart-actions">
          <button type="button" onClick={() => exportSvg(svg(), name)}>
            SVG
          </button>
          <button type="button" onClick={() => exportPng(svg(), name)}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={box} className="chart-body" />
      {note ? <p className="note">{note}</p> : null}
    </figure>
  );
}

function exportSvg(svg: string | undefined, name: string): void {
  if (svg) download(new Blob([svg], { type: "image/svg+xml" }), `${name}.svg`);
}

async function exportPng(svg: string | undefined, name: string): Promise<void> {
  if (svg) download(await svgToPng(svg), `${name}.png`);
}

/** The element's content width, following window resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    update();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
