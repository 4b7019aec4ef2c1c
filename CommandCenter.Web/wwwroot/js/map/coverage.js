// 服务半径覆盖: the unit grids no open kiosk reaches right now, hatched over the grids. The server decides (its clock, the
// kiosks' hours and radii); this layer asks again whenever a kiosk changes or opens or closes.
import { fetchJson } from './basemap.js';

const LAYER = 'coverage-gaps';

export async function showCoverage(state, visible) {
    const { map } = state;
    state.coverageOn = visible;
    if (!map.getLayer(LAYER)) {
        map.addLayer({ id: LAYER, type: 'fill', source: 'grids', filter: ['in', ['get', 'code'], ['literal', []]],
            paint: { 'fill-color': '#6a1b9a', 'fill-opacity': 0.35, 'fill-outline-color': '#4a148c' } }, 'grid-line');
    }
    map.setLayoutProperty(LAYER, 'visibility', visible ? 'visible' : 'none');
    if (visible) await refreshCoverage(state);
}

export async function refreshCoverage(state) {
    if (!state.coverageOn || state.disposed) return;
    const coverage = await fetchJson('/api/kiosks/coverage');
    state.map.setFilter(LAYER, ['in', ['get', 'code'], ['literal', coverage.uncovered]]);
    state.element.dataset.uncoveredGrids = String(coverage.uncovered.length);
}
