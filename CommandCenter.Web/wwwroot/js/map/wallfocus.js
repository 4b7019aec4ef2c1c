// Wall displays: labels and markers grow with the screen (a 4K wall reads like a 1080p one), the city stays fitted,
// and the view cycles through the 街道 with the most overdue cases.
import { bounds, cityBounds } from './basemap.js';

export function fitToWall(state) {
    const { map, element } = state;
    const rescale = () => {
        const scale = Math.max(1, element.clientWidth / 1230);
        for (const [layer, size] of [['road-labels', 12], ['community-labels', 13], ['cases-cluster-count', 13], ['streets-label', 12], ['kiosks-label', 12]]) {
            if (map.getLayer(layer)) map.setLayoutProperty(layer, 'text-size', Math.round(size * scale));
        }
        if (map.getLayer('cases-point')) map.setPaintProperty('cases-point', 'circle-radius', Math.round(9 * scale));
        map.fitBounds(cityBounds(state), { padding: 24 * scale, duration: 0 });
        element.dataset.scale = scale.toFixed(2);
    };
    state.rescale = rescale;
    map.on('resize', rescale);
    rescale();
}

/** Every `seconds`, fly to the 街道 with most overdue cases in turn; the whole city in between. */
export function startFocusCycle(state, seconds) {
    clearInterval(state.cycleTimer);
    let step = 0;
    state.cycleTimer = setInterval(() => {
        if (state.replaying) return;
        const overdueBy = new Map();
        for (const [grid, n] of state.gridOverdue ?? []) overdueBy.set(grid.slice(0, 9), (overdueBy.get(grid.slice(0, 9)) ?? 0) + n);
        const ranked = state.subdistricts.features.filter(f => (overdueBy.get(f.properties.code) ?? 0) > 0)
            .sort((a, b) => (overdueBy.get(b.properties.code) ?? 0) - (overdueBy.get(a.properties.code) ?? 0)).slice(0, 3);
        step++;
        const city = ranked.length === 0 || step % (ranked.length + 1) === 0;
        const target = city ? null : { features: [ranked[(step - 1) % (ranked.length + 1)] ?? ranked[0]] };
        state.map.fitBounds(city ? cityBounds(state) : bounds(target), { padding: 60, duration: 4000 });
        state.element.dataset.focus = city ? 'city' : target.features[0].properties.code;
    }, seconds * 1000);
}
