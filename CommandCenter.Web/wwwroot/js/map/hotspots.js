// 研判 on the map: grid heat (reports per unit grid) as the grid fill, repeat problems as circles sized by their count.
export function showHotspots(state, heat, repeats) {
    const { map } = state;
    const max = Math.max(1, ...Object.values(heat));
    for (const f of state.grids.features) {
        map.setFeatureState({ source: 'grids', id: f.properties.code }, { heat: heat[f.properties.code] ?? 0 });
    }
    map.setPaintProperty('grid-fill', 'fill-color', ['interpolate', ['linear'], ['coalesce', ['feature-state', 'heat'], 0],
        0, '#fffdf5', max * 0.15, '#ffe082', max * 0.4, '#ffb74d', max * 0.7, '#ef6c00', max, '#b71c1c']);
    map.setPaintProperty('grid-fill', 'fill-opacity', 0.7);
    const data = {
        type: 'FeatureCollection',
        features: repeats.map((r, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
            properties: { count: r.count, reports: r.reports, category: r.categoryName } })),
    };
    if (map.getSource('repeats')) {
        map.getSource('repeats').setData(data);
    } else {
        map.addSource('repeats', { type: 'geojson', data });
        map.addLayer({ id: 'repeats-circle', type: 'circle', source: 'repeats', paint: {
            'circle-radius': ['interpolate', ['linear'], ['get', 'reports'], 3, 7, 10, 14, 30, 22],
            'circle-color': '#6a1b9a', 'circle-opacity': 0.75, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } });
        map.addLayer({ id: 'repeats-label', type: 'symbol', source: 'repeats', layout: { 'text-field': ['to-string', ['get', 'reports']],
            'text-font': ['Noto Sans CJK SC'], 'text-size': 11, 'text-allow-overlap': true }, paint: { 'text-color': '#fff' } });
    }
    state.element.ccHotspots = { grids: Object.keys(heat).length, max, repeats: repeats.length };
}
