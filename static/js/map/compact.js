// /kaart/ embeds its places compactly (kaart/page_data.py): each service once, each place as
// [service index, lon, lat, place, address]. This makes the GeoJSON features the map draws,
// with the same properties as /api/kaart.geojson has for the popups.
export function placesCollection(compact) {
  const services = compact?.services ?? [];
  const features = (compact?.places ?? []).map(([service, lon, lat, place, address]) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [lon, lat] },
    properties: { ...services[service], place, address },
  }));
  return { type: "FeatureCollection", features };
}
