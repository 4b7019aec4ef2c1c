// The static MapLibre baseline of wall-static.html (its own file: the Content-Security-Policy allows no inline script).
import * as maplibregl from '/lib/maplibre-gl/maplibre-gl.mjs';

const el = document.getElementById('map');
const q = new URLSearchParams(location.search);
if (q.get('w')) el.style.width = `${Number(q.get('w'))}px`;
if (q.get('h')) el.style.height = `${Number(q.get('h'))}px`;

const fetchJson = (url) => fetch(url, { headers: { Accept: 'application/geo+json, application/json' } })
    .then(r => { if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`); return r.json(); });
// ?tiles=1: grids and cases from the app's vector tiles, as /map draws a large city (P4-map's anchor); else GeoJSON.
const tiles = q.get('tiles') === '1';
// All overlay data is requested at once, while MapLibre loads the basemap sources itself.
const data = Promise.all([tiles ? null : '/api/grids', '/api/layers/communities', '/api/layers/subdistricts', tiles ? '/api/map/grid-counts' : '/api/map/cases']
    .map(u => u ? fetchJson(u) : null));
const city = tiles ? await fetchJson('/api/map/city') : null;

// The wall's dark palette (citymap.js).
const p = { background: '#0b1320', water: '#1d3b5c', waterway: '#2a5a86', green: '#16301f', building: '#1c2433', buildingLine: '#263043',
    road: '#2b3649', roadCasing: '#1a2232', major: '#4a5a78', majorCasing: '#1a2232', rail: '#6b5fa0', halo: '#0b1320',
    gridLine: '#7d8ca3', communityLine: '#c6d4ea', subdistrictLine: '#ff6b6b' };
const majorRoads = ['motorway', 'trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link'];
const src = (name) => ({ type: 'geojson', data: `/api/layers/${name}` });
const map = new maplibregl.Map({
    container: el,
    ...(city ? { bounds: [[city.bbox[0], city.bbox[1]], [city.bbox[2], city.bbox[3]]], fitBoundsOptions: { padding: 24 } } : { center: [118.78, 32.044], zoom: 14 }),
    localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
    style: {
        version: 8,
        sources: { water: src('water'), waterways: src('waterways'), green: src('green'), buildings: src('buildings'), roads: src('roads'), railways: src('railways') },
        layers: [
            { id: 'background', type: 'background', paint: { 'background-color': p.background } },
            { id: 'green', type: 'fill', source: 'green', paint: { 'fill-color': p.green } },
            { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': p.water } },
            { id: 'waterways', type: 'line', source: 'waterways', paint: { 'line-color': p.waterway, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 6] } },
            { id: 'buildings', type: 'fill', source: 'buildings', minzoom: 14, paint: { 'fill-color': p.building, 'fill-outline-color': p.buildingLine } },
            { id: 'railways', type: 'line', source: 'railways', paint: { 'line-color': p.rail, 'line-width': 1.2, 'line-dasharray': [3, 2] } },
            { id: 'roads-casing', type: 'line', source: 'roads', filter: ['!=', ['get', 'kind'], 'footway'], layout: { 'line-cap': 'round', 'line-join': 'round' },
              paint: { 'line-color': ['match', ['get', 'kind'], majorRoads, p.majorCasing, p.roadCasing], 'line-width': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'kind'], majorRoads, 3, 1.2], 17, ['match', ['get', 'kind'], majorRoads, 16, 8]] } },
            { id: 'roads', type: 'line', source: 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' },
              paint: { 'line-color': ['match', ['get', 'kind'], majorRoads, p.major, p.road], 'line-width': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'kind'], majorRoads, 2, ['footway', 'steps', 'path'], 0.3, 0.6], 17, ['match', ['get', 'kind'], majorRoads, 13, ['footway', 'steps', 'path'], 1.5, 6]] } },
        ],
    },
});

const loaded = new Promise(resolve => map.once('load', resolve));
const [[grids, communities, subdistricts, cases]] = await Promise.all([data, loaded]);

const tileSource = (layer, promoteId) => ({ type: 'vector', tiles: [`${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`], minzoom: 10, maxzoom: 16, promoteId });
map.addSource('grids', tiles ? tileSource('grids', 'code') : { type: 'geojson', data: grids, promoteId: 'code' });
const fromGrids = tiles ? { source: 'grids', 'source-layer': 'grids' } : { source: 'grids' };
map.addSource('communities', { type: 'geojson', data: communities, promoteId: 'code' });
map.addSource('subdistricts', { type: 'geojson', data: subdistricts });
// Grids coloured by open cases, as the wall's "open" choropleth.
// From tiles, as /map draws a large city: grids from z13, their 社区 (coloured by the sums of their grids) below it.
map.addLayer({ id: 'grid-fill', type: 'fill', ...fromGrids, ...(tiles ? { minzoom: 13 } : {}), paint: {
    'fill-color': ['interpolate', ['linear'], ['coalesce', ['feature-state', 'open'], 0], 0, '#13233a', 1, '#ffe082', 3, '#ffb74d', 5, '#ef6c00', 8, '#b71c1c'],
    'fill-opacity': 0.42, ...(tiles ? { 'fill-antialias': false } : {}) } }, 'roads-casing');
if (tiles) {
    map.addLayer({ id: 'community-fill', type: 'fill', source: 'communities', maxzoom: 13, paint: {
        'fill-color': ['interpolate', ['linear'], ['coalesce', ['feature-state', 'open'], 0], 0, '#13233a', 5, '#ffe082', 15, '#ffb74d', 25, '#ef6c00', 40, '#b71c1c'],
        'fill-opacity': 0.42, 'fill-outline-color': p.communityLine } }, 'roads-casing');
}
// From tiles the city view's 社区 boundaries are the fill's outline and it names the 街道, as on /map.
const cityView = tiles ? { minzoom: 13 } : {};
// From tiles the outlines start at z13, as on /map.
map.addLayer({ id: 'grid-line', type: 'line', ...fromGrids, ...(tiles ? { minzoom: 13 } : {}), paint: { 'line-color': p.gridLine, 'line-width': 0.6, 'line-opacity': 0.7 } });
map.addLayer({ id: 'community-line', type: 'line', source: 'communities', ...cityView, paint: { 'line-color': p.communityLine, 'line-width': 1.6 } });
map.addLayer({ id: 'subdistrict-line', type: 'line', source: 'subdistricts', paint: { 'line-color': p.subdistrictLine, 'line-width': 2.6, 'line-dasharray': [4, 2] } });
map.addLayer({ id: 'community-labels', type: 'symbol', source: 'communities', ...cityView, maxzoom: 16,
    layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 13 },
    paint: { 'text-color': p.communityLine, 'text-halo-color': p.halo, 'text-halo-width': 2 } });
if (tiles) {
    map.addLayer({ id: 'subdistrict-labels', type: 'symbol', source: 'subdistricts', maxzoom: 13,
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 14 },
        paint: { 'text-color': p.subdistrictLine, 'text-halo-color': p.halo, 'text-halo-width': 2 } });
}

const levelColour = ['match', ['get', 'level'], 'green', '#2e7d32', 'yellow', '#f9a825', 'orange', '#ef6c00', 'red', '#d32f2f', 'purple', '#7b1fa2', '#2e7d32'];
if (tiles) {
    map.addSource('cases', tileSource('cases', 'id'));
    map.addLayer({ id: 'cases-point', type: 'circle', source: 'cases', 'source-layer': 'cases',
        paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 7], 'circle-color': levelColour,
            'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 3], 'circle-stroke-color': '#ffffff' } });
    for (const [code, [n]] of Object.entries(cases.grids)) map.setFeatureState({ source: 'grids', sourceLayer: 'grids', id: code }, { open: n });
    for (const [code, [n]] of Object.entries(cases.communities)) map.setFeatureState({ source: 'communities', id: code }, { open: n });
} else {
    map.addSource('cases', { type: 'geojson', data: cases, cluster: true, clusterMaxZoom: 15, clusterRadius: 36 });
    map.addLayer({ id: 'cases-cluster', type: 'circle', source: 'cases', filter: ['has', 'point_count'],
        paint: { 'circle-color': '#1565c0', 'circle-opacity': 0.85, 'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 30, 24], 'circle-stroke-width': 2, 'circle-stroke-color': '#ffffff' } });
    map.addLayer({ id: 'cases-cluster-count', type: 'symbol', source: 'cases', filter: ['has', 'point_count'],
        layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans CJK SC'], 'text-size': 13 }, paint: { 'text-color': '#ffffff' } });
    map.addLayer({ id: 'cases-point', type: 'circle', source: 'cases', filter: ['!', ['has', 'point_count']],
        paint: { 'circle-radius': 9, 'circle-color': levelColour, 'circle-stroke-width': 3, 'circle-stroke-color': '#ffffff' } });

    const open = new Map();
    for (const f of cases.features) open.set(f.properties.gridCode, (open.get(f.properties.gridCode) ?? 0) + 1);
    for (const [code, n] of open) map.setFeatureState({ source: 'grids', id: code }, { open: n });

    const b = new maplibregl.LngLatBounds();
    const visit = (c) => (typeof c[0] === 'number' ? b.extend(c) : c.forEach(visit));
    grids.features.forEach(f => visit(f.geometry.coordinates));
    if (grids.features.length > 0) map.fitBounds(b, { padding: 24, duration: 0 });
}

map.once('idle', () => {
    const grids = !tiles || map.getZoom() >= 13;
    el.dataset.renderedGrids = String(grids ? map.queryRenderedFeatures({ layers: ['grid-fill'] }).length : 0);
    el.dataset.renderedCommunities = String(grids ? 0 : map.queryRenderedFeatures({ layers: ['community-fill'] }).length);
    el.dataset.caseCount = String(tiles ? map.queryRenderedFeatures({ layers: ['cases-point'] }).length : cases.features.length);
    el.dataset.done = String(performance.now());
});
