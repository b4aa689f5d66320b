// The predicted-vs-actual chart of `npm run eta:eval`: Observable Plot rendered to SVG in jsdom, so
// the README can show it without a browser.
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';

export interface ChartPoint {
  predictor: string;
  /** Minutes from the order to when it was ready. */
  actual: number;
  /** Minutes from the order to the predicted ready time. */
  predicted: number;
}

export function predictedVsActualSvg(points: ChartPoint[], caption: string): string {
  const { document } = new JSDOM('').window;
  const max = Math.ceil(Math.max(10, ...points.map((p) => Math.max(p.actual, p.predicted))) / 5) * 5;
  const chart = Plot.plot({
    document,
    width: 960,
    height: 330,
    marginBottom: 40,
    style: { fontFamily: 'sans-serif', fontSize: '11px', background: 'white' },
    caption,
    x: { label: 'actual minutes to ready →', domain: [0, max], grid: true },
    y: { label: '↑ predicted minutes', domain: [0, max], grid: true },
    fx: { label: null },
    marks: [
      Plot.frame({ stroke: '#ccc' }),
      // The ±3 kitchen-minute band a prediction counts as right in.
      Plot.areaY([0, max], {
        x: (d: number) => d,
        y1: (d: number) => Math.max(0, d - 3),
        y2: (d: number) => d + 3,
        fx: null,
        fill: '#1d7a46',
        fillOpacity: 0.1,
      }),
      Plot.line([0, max], { x: (d: number) => d, y: (d: number) => d, stroke: '#1d7a46' }),
      Plot.dot(points, { x: 'actual', y: 'predicted', fx: 'predictor', r: 1.6, fill: '#7b3fe4', fillOpacity: 0.45 }),
    ],
  });
  chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // A figure when a caption is given: keep only its SVG, with the caption as the title.
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg')!;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = caption;
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}
