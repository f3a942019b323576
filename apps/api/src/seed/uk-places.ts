// UK towns and cities for generated listings: real centre coordinates, approximate urban populations (thousands)
// as weights, the region and the postcode area. London's weight makes it the dense city the radius-search
// benchmark needs.

export interface Place {
  city: string;
  region: string;
  lat: number;
  lng: number;
  population: number;
  postcodeAreas: readonly string[];
}

export const UK_PLACES: readonly Place[] = [
  {
    city: 'London',
    region: 'Greater London',
    lat: 51.5074,
    lng: -0.1278,
    population: 8900,
    postcodeAreas: ['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC', 'CR', 'BR', 'HA', 'UB'],
  },
  { city: 'Birmingham', region: 'West Midlands', lat: 52.4862, lng: -1.8904, population: 1145, postcodeAreas: ['B'] },
  { city: 'Leeds', region: 'Yorkshire and the Humber', lat: 53.8008, lng: -1.5491, population: 793, postcodeAreas: ['LS'] },
  { city: 'Glasgow', region: 'Scotland', lat: 55.8642, lng: -4.2518, population: 635, postcodeAreas: ['G'] },
  { city: 'Sheffield', region: 'Yorkshire and the Humber', lat: 53.3811, lng: -1.4701, population: 584, postcodeAreas: ['S'] },
  { city: 'Manchester', region: 'North West', lat: 53.4808, lng: -2.2426, population: 553, postcodeAreas: ['M'] },
  { city: 'Bradford', region: 'Yorkshire and the Humber', lat: 53.796, lng: -1.7594, population: 539, postcodeAreas: ['BD'] },
  { city: 'Edinburgh', region: 'Scotland', lat: 55.9533, lng: -3.1883, population: 527, postcodeAreas: ['EH'] },
  { city: 'Liverpool', region: 'North West', lat: 53.4084, lng: -2.9916, population: 498, postcodeAreas: ['L'] },
  { city: 'Bristol', region: 'South West', lat: 51.4545, lng: -2.5879, population: 467, postcodeAreas: ['BS'] },
  { city: 'Coventry', region: 'West Midlands', lat: 52.4068, lng: -1.5197, population: 371, postcodeAreas: ['CV'] },
  { city: 'Leicester', region: 'East Midlands', lat: 52.6369, lng: -1.1398, population: 368, postcodeAreas: ['LE'] },
  { city: 'Cardiff', region: 'Wales', lat: 51.4816, lng: -3.1791, population: 362, postcodeAreas: ['CF'] },
  { city: 'Belfast', region: 'Northern Ireland', lat: 54.5973, lng: -5.9301, population: 345, postcodeAreas: ['BT'] },
  { city: 'Nottingham', region: 'East Midlands', lat: 52.9548, lng: -1.1581, population: 331, postcodeAreas: ['NG'] },
  { city: 'Newcastle upon Tyne', region: 'North East', lat: 54.9783, lng: -1.6178, population: 300, postcodeAreas: ['NE'] },
  { city: 'Sunderland', region: 'North East', lat: 54.9069, lng: -1.3838, population: 277, postcodeAreas: ['SR'] },
  { city: 'Kingston upon Hull', region: 'Yorkshire and the Humber', lat: 53.7676, lng: -0.3274, population: 267, postcodeAreas: ['HU'] },
  { city: 'Plymouth', region: 'South West', lat: 50.3755, lng: -4.1427, population: 264, postcodeAreas: ['PL'] },
  { city: 'Wolverhampton', region: 'West Midlands', lat: 52.587, lng: -2.1288, population: 263, postcodeAreas: ['WV'] },
  { city: 'Derby', region: 'East Midlands', lat: 52.9225, lng: -1.4746, population: 257, postcodeAreas: ['DE'] },
  { city: 'Stoke-on-Trent', region: 'West Midlands', lat: 53.0027, lng: -2.1794, population: 256, postcodeAreas: ['ST'] },
  { city: 'Southampton', region: 'South East', lat: 50.9097, lng: -1.4044, population: 253, postcodeAreas: ['SO'] },
  { city: 'Swansea', region: 'Wales', lat: 51.6214, lng: -3.9436, population: 246, postcodeAreas: ['SA'] },
  { city: 'Portsmouth', region: 'South East', lat: 50.8198, lng: -1.088, population: 238, postcodeAreas: ['PO'] },
  { city: 'Brighton', region: 'South East', lat: 50.8225, lng: -0.1372, population: 229, postcodeAreas: ['BN'] },
  { city: 'Milton Keynes', region: 'South East', lat: 52.0406, lng: -0.7594, population: 229, postcodeAreas: ['MK'] },
  { city: 'Luton', region: 'East of England', lat: 51.8787, lng: -0.42, population: 225, postcodeAreas: ['LU'] },
  { city: 'Northampton', region: 'East Midlands', lat: 52.2405, lng: -0.9027, population: 225, postcodeAreas: ['NN'] },
  { city: 'York', region: 'Yorkshire and the Humber', lat: 53.9591, lng: -1.0815, population: 210, postcodeAreas: ['YO'] },
  { city: 'Peterborough', region: 'East of England', lat: 52.5695, lng: -0.2405, population: 202, postcodeAreas: ['PE'] },
  { city: 'Aberdeen', region: 'Scotland', lat: 57.1497, lng: -2.0943, population: 198, postcodeAreas: ['AB'] },
  { city: 'Bournemouth', region: 'South West', lat: 50.7192, lng: -1.8808, population: 197, postcodeAreas: ['BH'] },
  { city: 'Bolton', region: 'North West', lat: 53.5769, lng: -2.4282, population: 194, postcodeAreas: ['BL'] },
  { city: 'Swindon', region: 'South West', lat: 51.5558, lng: -1.7797, population: 183, postcodeAreas: ['SN'] },
  { city: 'Reading', region: 'South East', lat: 51.4543, lng: -0.9781, population: 174, postcodeAreas: ['RG'] },
  { city: 'Huddersfield', region: 'Yorkshire and the Humber', lat: 53.6458, lng: -1.785, population: 162, postcodeAreas: ['HD'] },
  { city: 'Oxford', region: 'South East', lat: 51.752, lng: -1.2577, population: 152, postcodeAreas: ['OX'] },
  { city: 'Newport', region: 'Wales', lat: 51.5842, lng: -2.9977, population: 151, postcodeAreas: ['NP'] },
  { city: 'Dundee', region: 'Scotland', lat: 56.462, lng: -2.9707, population: 148, postcodeAreas: ['DD'] },
  { city: 'Cambridge', region: 'East of England', lat: 52.2053, lng: 0.1218, population: 146, postcodeAreas: ['CB'] },
  { city: 'Ipswich', region: 'East of England', lat: 52.0567, lng: 1.1482, population: 144, postcodeAreas: ['IP'] },
  { city: 'Norwich', region: 'East of England', lat: 52.6309, lng: 1.2974, population: 143, postcodeAreas: ['NR'] },
  { city: 'Preston', region: 'North West', lat: 53.7632, lng: -2.7031, population: 141, postcodeAreas: ['PR'] },
  { city: 'Middlesbrough', region: 'North East', lat: 54.5742, lng: -1.235, population: 140, postcodeAreas: ['TS'] },
  { city: 'Blackpool', region: 'North West', lat: 53.8175, lng: -3.0357, population: 139, postcodeAreas: ['FY'] },
  { city: 'Exeter', region: 'South West', lat: 50.7184, lng: -3.5339, population: 130, postcodeAreas: ['EX'] },
  { city: 'Colchester', region: 'East of England', lat: 51.8959, lng: 0.8919, population: 130, postcodeAreas: ['CO'] },
  { city: 'Gloucester', region: 'South West', lat: 51.8642, lng: -2.2382, population: 129, postcodeAreas: ['GL'] },
  { city: 'Chelmsford', region: 'East of England', lat: 51.7356, lng: 0.4685, population: 112, postcodeAreas: ['CM'] },
  { city: 'Worcester', region: 'West Midlands', lat: 52.1936, lng: -2.2216, population: 101, postcodeAreas: ['WR'] },
  { city: 'Lincoln', region: 'East Midlands', lat: 53.2307, lng: -0.5406, population: 100, postcodeAreas: ['LN'] },
  { city: 'Bath', region: 'South West', lat: 51.3811, lng: -2.359, population: 94, postcodeAreas: ['BA'] },
  { city: 'Derry', region: 'Northern Ireland', lat: 54.9966, lng: -7.3086, population: 85, postcodeAreas: ['BT'] },
  { city: 'Chester', region: 'North West', lat: 53.1934, lng: -2.8931, population: 79, postcodeAreas: ['CH'] },
  { city: 'Shrewsbury', region: 'West Midlands', lat: 52.7073, lng: -2.7553, population: 76, postcodeAreas: ['SY'] },
  { city: 'Carlisle', region: 'North West', lat: 54.8925, lng: -2.9329, population: 75, postcodeAreas: ['CA'] },
  { city: 'Wrexham', region: 'Wales', lat: 53.0465, lng: -2.9938, population: 65, postcodeAreas: ['LL'] },
  { city: 'Inverness', region: 'Scotland', lat: 57.4778, lng: -4.2247, population: 63, postcodeAreas: ['IV'] },
  { city: 'Hereford', region: 'West Midlands', lat: 52.0565, lng: -2.716, population: 61, postcodeAreas: ['HR'] },
  { city: 'Canterbury', region: 'South East', lat: 51.2802, lng: 1.0789, population: 55, postcodeAreas: ['CT'] },
  { city: 'Stirling', region: 'Scotland', lat: 56.1165, lng: -3.9369, population: 37, postcodeAreas: ['FK'] },
  { city: 'Truro', region: 'South West', lat: 50.2632, lng: -5.051, population: 21, postcodeAreas: ['TR'] },
];

/** How far listings spread around a centre (standard deviation, km): a few km for a town, ~10 km for London. */
export function spreadKmOf(place: Place): number {
  return 1 + 0.09 * Math.sqrt(place.population);
}
