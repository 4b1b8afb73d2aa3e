/** The chart's main SVG (not its legend swatches) serialised as a standalone file. */
export function chartSvg(container: Element): string | undefined {
  const svgs = [...container.querySelectorAll("svg")];
  const main = svgs.sort((a, b) => area(b) - area(a))[0];
  if (!main) return undefined;
  const copy = main.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Plot styles the SVG with a <style> inside it, and the text inherits the page font: pin one so the file renders alike anywhere.
  copy.setAttribute("font-family", "system-ui, sans-serif");
  if (!copy.getAttribute("style")?.includes("background")) copy.setAttribute("style", `${copy.getAttribute("style") ?? ""};background:white`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function area(svg: SVGSVGElement): number {
  return Number(svg.getAttribute("width") ?? 0) * Number(svg.getAttribute("height") ?? 0);
}

/** Rasterises an SVG text on a canvas at `scale` × its size (2 for crisp PNGs on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
