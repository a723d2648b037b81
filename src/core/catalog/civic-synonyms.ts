import { singular } from "./question-text.js";

/**
 * Everyday words people use for civic data, grouped with the words catalogs use for the same
 * thing ("rats" / "rodent baiting", "cops" / "police", "trash" / "garbage" / "sanitation").
 * Each line is one group of interchangeable phrases; when a question uses one, the search also
 * looks for the others. It is general civic vocabulary (US and Spanish-speaking cities), not a
 * list tuned to any catalog: a portal is free to call things either way.
 * Phrases are written singular and accent-free; matching folds plurals and accents.
 */
const groups = `
rat | rodent | rodent baiting | rodent control | mice | mouse | vermin | pest control | rata | raton
pothole | pot hole | street defect | road repair | bache
bike lane | bike route | bikeway | bicycle lane | bicycle route | cycle track | protected bike lane | ciclovia | carril bici
bike | bicycle | cycling | cyclist | bici | bicicleta
bike rack | bicycle rack | bicycle parking | bike parking
bike share | bikeshare | shared bike | bike sharing
scooter | e scooter | electric scooter | dockless | micromobility | patineta
rideshare | ride share | ride hailing | uber | lyft | transportation network provider | tnp
taxi | cab | taxicab
trash | garbage | refuse | sanitation | solid waste | waste collection | basura
recycling | recycle | recyclable | reciclaje
police | cop | law enforcement | policia
crime | criminal offense | offense | delito | crimen
police misconduct | police complaint | complaint against police | civilian complaint | police accountability | misconduct
tow | towed | tow truck | impound | impounded | relocated vehicle | grua
parking ticket | parking citation | parking violation | parking fine | multa
street sweeping | street cleaning | street sweeper | sweeping | barrido
snow plow | plow | snowplow | plowing | snow removal | salt truck
tree trim | tree trimming | tree pruning | tree maintenance | forestry | poda
tree | street tree | urban forest | arbol
restaurant inspection | food inspection | health inspection | food safety inspection | sanitary inspection
restaurant | food establishment | eatery | restaurante
building permit | construction permit | permiso de construccion
property sale | home sale | house sale | sale price | real estate sale | real estate transaction | property transfer
landlord | slumlord | problem landlord | scofflaw | property manager | casero
eviction | evict | desalojo | desahucio
foreclosure | foreclose | ejecucion hipotecaria
affordable housing | income restricted | low income housing | subsidized housing | affordable rental | vivienda asequible
homeless | homelessness | unhoused | unsheltered | homeless shelter | point in time count | sin techo | sin hogar
short term rental | airbnb | vacation rental | house share | home sharing | shared housing
salary | salaries | pay | paid | wage | earnings | compensation | payroll | sueldo | salario
employee | staff | worker | personnel | empleado
budget | appropriation | spending | expenditure | presupuesto
lobbyist | lobbying | cabildero
ward | alderman | aldermanic | council district | distrito
precinct | voting precinct | recinto
election | vote | voting | ballot | election result | eleccion
school boundary | attendance boundary | attendance zone | school zone | catchment area
school | escuela
library | public library | branch library | biblioteca
computer access | public computer | internet access | free wifi | public technology | digital access
wifi | wi fi | hotspot | internet
cooling center | cooling centre | heat relief | centro de enfriamiento
warming center | warming centre | warming shelter
heat wave | extreme heat | heat emergency | ola de calor
flu shot | flu vaccine | influenza vaccine | flu clinic | vacuna contra la gripe
vaccine | vaccination | immunization | vacuna
covid | covid 19 | coronavirus | sars cov 2
testing site | test site | testing location
west nile | wnv | west nile virus
sharps | needle | syringe | sharps disposal | needle disposal | syringe disposal | sharps drop box
mosquito | mosquitoes | mosquito trap
beach | playa
e coli | ecoli | bacteria | bacterial | enterococcus | fecal coliform
swim advisory | swimming advisory | beach advisory | beach closure
crash | car crash | collision | traffic crash | accident | car accident | choque | accidente
speed camera | red light camera | traffic camera | automated enforcement
traffic volume | traffic count | vehicle count | average daily traffic | traffic flow
noise | noise complaint | loud | ruido
complaint | grievance | queja
service request | 311 request | city service request
farmers market | farmer market | mercado
grocery | grocery store | supermarket | food store | supermercado
food insecurity | food desert | food access | hunger
street light | streetlight | street lamp | streetlamp | street lighting | alumbrado | farola
sidewalk | acera | banqueta
park | green space | parque
transit | public transit | public transportation | mass transit | transporte publico
bus stop | transit stop | parada de autobus
ridership | boarding | rider | passenger count
train station | rail station | metro station
station | stop | transit station
trolley | light rail | streetcar | tram | tranvia
water use | water consumption | water demand | water usage | consumo de agua
energy use | electricity use | power consumption | energy consumption
solar | solar panel | photovoltaic | solar installation
rain | rainfall | precipitation | rain gauge | rain gage | lluvia
stream gauge | stream gage | stream flow | streamflow | river gauge
flood | flooding | flood warning | inundacion
air quality | air pollution | smog | calidad del aire
lead pipe | lead service line | lead water line | lead plumbing
property value | property assessment | assessed value | tax assessment | avaluo
liquor | alcohol | liquor store
dog | perro
animal control | animal care | animal services | stray animal
graffiti | graffiti removal | grafiti
abandoned vehicle | abandoned car | vehiculo abandonado
vacant building | abandoned building | vacant property | vacant lot | vacant land | vacant parcel
fire | fire department | fire station | bombero
ambulance | ems | emergency medical service | paramedic
911 | emergency call | 911 call | dispatch
hospital | medical center
clinic | health center | health clinic
population | census | demographic | poblacion
poverty | low income | median income | pobreza
unemployment | joblessness | desempleo
zoning | land use | zoning district
neighborhood | community area | barrio | colonia
zip code | zip | zipcode | postal code | codigo postal
contract | procurement | purchasing | contrato
expense | reimbursement | gasto
city council | council member | councilmember | concejo
tax | revenue | impuesto
trip | ride | journey | viaje
car | vehicle | automobile | auto | carro | coche
gas station | fuel station | service station | gasolinera
storage tank | underground storage tank | fuel tank
christmas tree | holiday tree | xmas tree
drop off | dropoff | drop off location
shooting | gun violence | firearm | shot fired | tiroteo
homicide | murder | killing | homicidio
arrest | arrestee | arresto
traffic stop | police stop | vehicle stop
jail | inmate | detention | carcel
pedestrian | foot traffic | pedestrian count | peaton
inspection | inspeccion
violation | citation | infraccion
death | mortality | fatality | muerte
chronic disease | heart disease | diabetes | obesity
sewer | sewage | storm drain | alcantarilla
water main | water main break | water pipe
alley | callejon
hours | opening hours | hours of operation | business hours | what time | closing time | opening time | horario
map | boundary | boundaries | border | mapa | limite
parking meter | meter | pay box | pay station | parquimetro
food truck | mobile food vendor | food cart
money | funding | fund | funds | dinero
fee | fine | penalty | late fee | multa
tree planting | tree planted | plant tree | planting
test score | test result | assessment result | standardized test
absenteeism | chronic absence | attendance rate | truancy
tide | tidal | sea level | ocean water level | marea
`;

export type Phrase = readonly string[];

function phraseOf(text: string): Phrase {
  return text.trim().split(/\s+/).map(singular);
}

export const civicSynonymGroups: readonly (readonly Phrase[])[] = groups
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "")
  .map((line) => line.split("|").map(phraseOf));

/** Every phrase of every group by its first word, longest first, so "bike lane" wins over "bike". */
const phrasesByFirstWord = new Map<string, { phrase: Phrase; group: number }[]>();
civicSynonymGroups.forEach((group, index) => {
  for (const phrase of group) {
    const first = phrase[0] ?? "";
    const list = phrasesByFirstWord.get(first) ?? [];
    list.push({ phrase, group: index });
    phrasesByFirstWord.set(first, list);
  }
});
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);

export interface SynonymMatch {
  /** Where in the word list the phrase starts, and how many words it covers. */
  start: number;
  length: number;
  /** The first group it belongs to (two phrases of one group in a question are one idea); null outside the vocabulary. */
  group: number | null;
  /** Offsets (within `length`) of words inside the span that are not part of the phrase. */
  skipped: number[];
  /** The other phrases of its group(s). */
  alternatives: Phrase[];
}

/**
 * Where `phrase` occurs at `start` of `forms`: the words it spans and the ones it skips. Phrases
 * of three or more words may skip one word ("lead water service lines" is a lead service line).
 */
function hasForm(forms: readonly (readonly string[])[], position: number, word: string | undefined): boolean {
  return word !== undefined && (forms[position] ?? []).includes(word);
}

function matchAt(
  forms: readonly (readonly string[])[],
  start: number,
  phrase: Phrase,
): { length: number; skipped: number[] } | null {
  let offset = 0;
  const skipped: number[] = [];
  for (let index = 0; index < phrase.length; index += 1) {
    if (!hasForm(forms, start + offset, phrase[index])) {
      const canSkip = phrase.length >= 3 && skipped.length === 0 && index > 0;
      if (!canSkip || !hasForm(forms, start + offset + 1, phrase[index])) return null;
      skipped.push(offset);
      offset += 1;
    }
    offset += 1;
  }
  return { length: offset, skipped };
}

/**
 * Finds synonym phrases in a list of words (left to right, longest phrase first, no overlap).
 * A phrase in several groups ("ride" in rideshare and trip) collects every group's phrases.
 */
export function findSynonyms(wordList: readonly string[]): SynonymMatch[] {
  // English plural rules misread Spanish ("baches" is not "bach"): try the plain "-s" too.
  const forms = wordList.map((word) => [word, singular(word), word.replace(/s$/, "")]);
  const matches: SynonymMatch[] = [];
  let position = 0;
  while (position < forms.length) {
    let best: SynonymMatch | null = null;
    let bestWords = 0;
    const entries = [...new Set(forms[position])]
      .flatMap((form) => phrasesByFirstWord.get(form) ?? [])
      .sort((a, b) => b.phrase.length - a.phrase.length);
    for (const { phrase, group } of entries) {
      if (best && phrase.length < bestWords) break;
      const found = matchAt(forms, position, phrase);
      if (!found) continue;
      const others = (civicSynonymGroups[group] ?? []).filter(
        (candidate) => candidate.join(" ") !== phrase.join(" "),
      );
      if (best) best.alternatives.push(...others);
      else {
        best = {
          start: position,
          length: found.length,
          group,
          skipped: found.skipped,
          alternatives: [...others],
        };
        bestWords = phrase.length;
      }
    }
    if (best) {
      matches.push(best);
      position += best.length;
    } else position += 1;
  }
  return matches;
}
