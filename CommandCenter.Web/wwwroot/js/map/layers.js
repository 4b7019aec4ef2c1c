// The operational layers (duty grids, streets, zones, kiosks, cases), their visibility groups, the legend and the choropleth.
import { CHOROPLETH_STOPS, CITY_VIEW_MAXZOOM, choroplethColour, escapeHtml, gridsShown, palettes, tileSource } from './basemap.js';
import { nextCaseTilesQuery } from './live.js';

export const LEVEL_COLOURS = { green: '#2e7d32', yellow: '#f9a825', orange: '#ef6c00', red: '#d32f2f', purple: '#7b1fa2' };
export const STAGE_RING = { report: '#ffffff', file: '#90caf9', handle: '#1565c0' };
export const CLICK_LAYERS = ['cases-point', 'cases-tile-point', 'cases-cluster', 'kiosks-point', 'zones-fill', 'banned-fill', 'streets-line'];
const GROUPS = {
    grids: ['grid-fill', 'grid-line', 'community-fill'],
    dutyGrids: ['duty-line'],
    boundaries: ['community-line', 'subdistrict-line', 'community-labels', 'subdistrict-labels'],
    streets: ['streets-line', 'streets-label'],
    zones: ['zones-fill', 'zones-line'],
    banned: ['banned-fill', 'banned-line'],
    kiosks: ['kiosks-radius', 'kiosks-radius-line', 'kiosks-point', 'kiosks-label'],
    cases: ['cases-tile-point', 'cases-cluster', 'cases-cluster-count', 'cases-point', 'cases-flash'],
};

function circlePolygon([lon, lat], metres, steps = 48) {
    const ring = [];
    const dLat = metres / 110574;
    const dLon = metres / (111320 * Math.cos(lat * Math.PI / 180));
    for (let i = 0; i <= steps; i++) {
        const a = (i / steps) * 2 * Math.PI;
        ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
    }
    return { type: 'Polygon', coordinates: [ring] };
}

export function kioskRadii(kiosks) {
    return { type: 'FeatureCollection', features: kiosks.features.map(f => ({ type: 'Feature', properties: f.properties, geometry: circlePolygon(f.geometry.coordinates, f.properties.radiusM) })) };
}

export function setLayerVisible(state, group, visible) {
    const wanted = visible ? 'visible' : 'none';
    for (const layer of GROUPS[group] ?? []) {
        // Only a real change: MapLibre reloads a layer's whole source on any layout change, even to the same visibility.
        if (state.map.getLayer(layer) && (state.map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== wanted) {
            state.map.setLayoutProperty(layer, 'visibility', wanted);
        }
    }
}

function legendHtml(state) {
    const l = state.options.labels ?? {};
    const mode = state.choropleth;
    const levels = Object.entries(LEVEL_COLOURS).map(([k, c]) => `<span class="cc-lg-item"><i style="background:${c}"></i>${escapeHtml(l['level_' + k] ?? k)}</span>`).join('');
    const stages = Object.entries(STAGE_RING).map(([k, c]) => `<span class="cc-lg-item"><i class="cc-lg-ring" style="border-color:${c}"></i>${escapeHtml(l['stage_' + k] ?? k)}</span>`).join('');
    // A tiled city's city view colours its 社区 (on their own scale), nearer in its grids.
    const of = gridsShown(state) ? 'grid' : 'community';
    const title = of === 'grid'
        ? (mode === 'overdue' ? l.choroplethOverdue ?? 'overdue' : l.choroplethOpen ?? 'open')
        : (mode === 'overdue' ? l.choroplethOverdueCommunity ?? 'overdue' : l.choroplethOpenCommunity ?? 'open');
    const scale = mode === 'none' ? '' :
        `<div class="cc-lg-title">${escapeHtml(title)}</div>` +
        `<div class="cc-lg-scale"><span>0</span><i style="background:linear-gradient(90deg,#fff8e1,#ffcc80,#ef6c00,#b71c1c)"></i><span>${CHOROPLETH_STOPS[of][3]}+</span></div>`;
    return `<div class="cc-lg-title">${escapeHtml(l.cases ?? 'cases')}</div>${levels}<div class="cc-lg-title">${escapeHtml(l.stage ?? 'stage')}</div>${stages}${scale}`;
}

export function setChoropleth(state, mode) {
    state.choropleth = mode;
    const map = state.map;
    // MapLibre skips an unchanged colour, so the mode the map was created in costs nothing here.
    map.setPaintProperty('grid-fill', 'fill-color', choroplethColour(mode, state.dark) ?? state.communityColour.grid);
    if (map.getLayer('community-fill')) map.setPaintProperty('community-fill', 'fill-color', choroplethColour(mode, state.dark, 'community') ?? state.communityColour.community);
    drawLegend(state);
}

function drawLegend(state) {
    state.legend.innerHTML = legendHtml(state);
    state.legendOf = gridsShown(state);
}

/** The legend follows the map across the zoom where a tiled city's 社区 give way to its grids. */
export function updateLegendForZoom(state) {
    if (state.legend && state.legendOf !== gridsShown(state)) drawLegend(state);
}

export function addOpsLayers(state, [dutyGrids, streets, zones, kiosks]) {
    const { map } = state;
    const p = state.dark ? palettes.dark : palettes.light;
    // A large city's duty grids and streets come as vector tiles (dutyGrids and streets are then null).
    const tiled = (name, data) => data ? { type: 'geojson', data } : tileSource(name);
    const from = (name, data) => data ? { source: name } : { source: name, 'source-layer': name };
    map.addSource('duty-grids', tiled('duty-grids', dutyGrids));
    map.addLayer({ id: 'duty-line', type: 'line', ...from('duty-grids', dutyGrids), layout: { visibility: 'none' }, paint: { 'line-color': '#00897b', 'line-width': 2, 'line-dasharray': [2, 1] } });
    // Streets are coloured by their open cases (feature state 'open', set in live.js) when drawn from GeoJSON.
    map.addSource('streets', streets ? { type: 'geojson', data: streets, promoteId: 'id' } : tileSource('streets'));
    map.addLayer({ id: 'streets-line', type: 'line', ...from('streets', streets), layout: { visibility: 'none', 'line-cap': 'round' },
        paint: { 'line-color': ['step', ['coalesce', ['feature-state', 'open'], 0], ['match', ['get', 'level'], '街长', '#6a1b9a', '#ab47bc'], 1, '#ffb300', 3, '#ef6c00', 6, '#c62828'], 'line-width': ['match', ['get', 'level'], '街长', 4, 2.5], 'line-opacity': 0.8 } });
    map.addLayer({ id: 'streets-label', type: 'symbol', ...from('streets', streets), layout: { visibility: 'none', 'symbol-placement': 'line', 'text-field': ['concat', ['get', 'name'], ' · ', ['get', 'level'], ' ', ['get', 'chief']], 'text-font': ['Noto Sans CJK SC'], 'text-size': 12 },
        paint: { 'text-color': '#4a148c', 'text-halo-color': p.halo, 'text-halo-width': 2 } });
    map.addSource('zones', { type: 'geojson', data: zones });
    // Zones and kiosk radii have their own outline layers, so their fills draw no outline pass (another shader program,
    // compiled and linked on the page's thread, and another draw of every polygon).
    map.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', filter: ['!=', ['get', 'type'], 'banned'], layout: { visibility: 'none' },
        paint: { 'fill-color': ['match', ['get', 'type'], 'night', '#5c6bc0', 'morning', '#26a69a', 'seasonal', '#9ccc65', 'shop-front', '#ef5350', 'bike-fence', '#29b6f6', 'controlled', '#ffa726', '#8d6e63'], 'fill-opacity': ['case', ['get', 'openNow'], 0.75, 0.25], 'fill-antialias': false } });
    map.addLayer({ id: 'zones-line', type: 'line', source: 'zones', filter: ['!=', ['get', 'type'], 'banned'], layout: { visibility: 'none' },
        paint: { 'line-color': ['case', ['get', 'openNow'], '#1b5e20', '#757575'], 'line-width': ['case', ['get', 'openNow'], 2.5, 1], 'line-dasharray': [1, 0] } });
    map.addLayer({ id: 'banned-fill', type: 'fill', source: 'zones', filter: ['==', ['get', 'type'], 'banned'], layout: { visibility: 'none' }, paint: { 'fill-color': '#e53935', 'fill-opacity': 0.18, 'fill-antialias': false } });
    map.addLayer({ id: 'banned-line', type: 'line', source: 'zones', filter: ['==', ['get', 'type'], 'banned'], layout: { visibility: 'none' }, paint: { 'line-color': '#c62828', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    map.addSource('kiosk-radius', { type: 'geojson', data: kioskRadii(kiosks) });
    // A tiled city's city view shows its kiosks as points: their names and service radii from z13.
    const near = state.tiles ? { minzoom: CITY_VIEW_MAXZOOM } : {};
    map.addLayer({ id: 'kiosks-radius', type: 'fill', source: 'kiosk-radius', ...near, layout: { visibility: 'none' }, paint: { 'fill-color': '#0288d1', 'fill-opacity': 0.06, 'fill-antialias': false } });
    map.addLayer({ id: 'kiosks-radius-line', type: 'line', source: 'kiosk-radius', ...near, layout: { visibility: 'none' }, paint: { 'line-color': '#0288d1', 'line-width': 1, 'line-opacity': 0.5 } });
    map.addSource('kiosks', { type: 'geojson', data: kiosks });
    map.addLayer({ id: 'kiosks-point', type: 'circle', source: 'kiosks', layout: { visibility: 'none' },
        paint: { 'circle-radius': 8, 'circle-color': ['case', ['get', 'is24h'], '#0277bd', '#4fc3f7'], 'circle-stroke-width': 2, 'circle-stroke-color': ['case', ['!=', ['get', 'lowSupplies'], ''], '#ff6f00', '#ffffff'] } });
    map.addLayer({ id: 'kiosks-label', type: 'symbol', source: 'kiosks', ...near, layout: { visibility: 'none', 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC'], 'text-size': 12, 'text-offset': [0, 1.3] },
        paint: { 'text-color': '#01579b', 'text-halo-color': p.halo, 'text-halo-width': 2 } });

    const caseColour = ['match', ['get', 'level'], ...Object.entries(LEVEL_COLOURS).flat(), '#2e7d32'];
    const caseRing = ['case', ['>', ['get', 'supervision'], 0], '#ff1744', ['match', ['get', 'stage'], ...Object.entries(STAGE_RING).flat(), '#ffffff']];
    if (state.tiles) {
        // Open cases as the tiles drew them; the GeoJSON source below then holds only those changed since (the live overlay).
        map.addSource('case-tiles', tileSource('cases', nextCaseTilesQuery(state)));
        state.caseTilesFresh = true;
        map.addLayer({ id: 'cases-tile-point', type: 'circle', source: 'case-tiles', 'source-layer': 'cases',
            paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, state.options.wall ? 9 : 7], 'circle-color': caseColour,
                'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 3], 'circle-stroke-color': caseRing,
                // A case changed since the tile was drawn is shown by the overlay instead (live.js).
                'circle-opacity': ['case', ['boolean', ['feature-state', 'changed'], false], 0, 1],
                'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'changed'], false], 0, 1] } });
    }
    // The server says which cases are overdue; clusters count them.
    map.addSource('cases', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterMaxZoom: 15, clusterRadius: 36,
        clusterProperties: { overdue: ['+', ['case', ['get', 'overdue'], 1, 0]] } });
    map.addLayer({ id: 'cases-cluster', type: 'circle', source: 'cases', filter: ['has', 'point_count'],
        paint: { 'circle-color': ['case', ['>', ['get', 'overdue'], 0], '#d32f2f', '#1565c0'], 'circle-opacity': 0.85, 'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 30, 24], 'circle-stroke-width': 2, 'circle-stroke-color': '#ffffff' } });
    map.addLayer({ id: 'cases-cluster-count', type: 'symbol', source: 'cases', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans CJK SC'], 'text-size': 13 }, paint: { 'text-color': '#ffffff' } });
    map.addLayer({ id: 'cases-point', type: 'circle', source: 'cases', filter: ['!', ['has', 'point_count']],
        paint: { 'circle-radius': state.options.wall ? 9 : 7, 'circle-color': caseColour,
            'circle-stroke-width': ['case', ['>', ['get', 'supervision'], 0], 5, 3], 'circle-stroke-color': caseRing } });
    map.addSource('cases-flash', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'cases-flash', type: 'circle', source: 'cases-flash',
        paint: { 'circle-radius': ['interpolate', ['linear'], ['get', 'left'], 0, 40, 1, 10], 'circle-color': '#ffeb3b', 'circle-opacity': ['*', 0.8, ['get', 'left']], 'circle-stroke-width': 2, 'circle-stroke-color': '#ff6f00', 'circle-stroke-opacity': ['get', 'left'] } });
}
