// ECharts for the analytics pages and reports: Blazor hands over a plain option object; the chart follows its element's size.
import * as echarts from '../lib/echarts/echarts.esm.min.mjs';

const charts = new WeakMap();

/** Draws (or redraws) `option` in `element`; for print the SVG renderer keeps lines sharp. */
export function renderChart(element, option) {
    let chart = charts.get(element);
    if (!chart) {
        chart = echarts.init(element, null, { renderer: 'svg' });
        charts.set(element, chart);
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        element.ccObserver = observer;
    }
    chart.setOption(option, true);
    element.ccChart = { series: option.series?.length ?? 0, points: (option.series ?? []).reduce((n, s) => n + (s.data?.length ?? 0), 0) };
}

export function disposeChart(element) {
    charts.get(element)?.dispose();
    charts.delete(element);
    element.ccObserver?.disconnect();
}
