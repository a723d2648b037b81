import json,re
C='/work/shared/catalogs/'
PHL='philadelphia-pa-arcgis-hub-2022-04-17.json'; MPLS='minneapolis-mn-arcgis-hub-2022-04-17.json'
data={f:json.load(open(C+f))['dataset'] for f in (PHL,MPLS)}
def keys(f,*titles,pattern=None):
  out=[]
  for x in data[f]:
    if x['title'] in titles or (pattern and re.search(pattern,x['title'])): out.append(x['identifier'])
  assert out, (f,titles,pattern)
  assert pattern or len(out)>=len(titles), (titles,out)
  return out
def by_key(f,k): return next(x for x in data[f] if x['identifier']==k)
def value(f,ks,field):
  out={}
  for k in ks:
    x=by_key(f,k)
    if field=='modified': out[k]={'modified':x['modified']}
    elif field.startswith('contactPoint'): out[k]={'contactPoint.hasEmail':x['contactPoint'].get('hasEmail'),'contactPoint.fn':x['contactPoint'].get('fn')}
    elif field=='license': out[k]={'license':x['license'] or None}
    elif field=='distribution.format': out[k]={'distribution.format':[d['format'] for d in x['distribution']]}
  return out
Q=[]
n={'phl':0,'mpls':0}
def q(f,question,intent,ks,notes,field=None,columns=None):
  city='phl' if f==PHL else 'mpls'; n[city]+=1
  av=None
  if field=='columns': av={k:{'columns':columns} for k in ks}
  elif field: av=value(f,ks,field)
  Q.append({'id':f'ah-{city}-{n[city]:03d}','catalog':f,'question':question,'intent':intent,'expected':ks,'answer_field':field,'notes':notes,'answer_value':av})
# --- Philadelphia: find
q(PHL,"where are the public pools in philly? trying to take my kids swimming this summer","find",keys(PHL,"PPR Swimming Pools","PPR pools spraygrounds"),"PPR Swimming Pools (current) and PPR pools spraygrounds (2016 layer with pools). PPR Spraygrounds alone has no pools, not counted.")
q(PHL,"is there a map of the bike lanes","find",keys(PHL,"Bike Network"),"Bike Network (keywords Bike Lanes). Existing Trails and PPR Trails are off-street trails, not counted.")
q(PHL,"data on shootings in my neighborhood?","find",keys(PHL,"SHOOTINGS"),"SHOOTINGS (keywords shooting victims, police).")
q(PHL,"traffic crashes where someone was killed","find",keys(PHL,"Fatal Crashes","COLLISION CRASH 2016 2020","GIS OTIS COLLISION CRASH 2013 2017 VZ"),"Fatal Crashes is the best answer; the two collision crash layers hold all crashes, fatal ones included. High Injury Network is a street network, not crashes.")
q(PHL,"any farmers markets list","find",keys(PHL,"Farmers Markets"),"Farmers Markets (PDPH).")
q(PHL,"where do i go to vote, polling place locations","find",keys(PHL,"POLLING PLACES"),"POLLING PLACES (Office of the City Commissioners). Political Divisions/Wards are boundaries, not counted.")
q(PHL,"which buildings have been torn down recently? demolition data","find",keys(PHL,"DEMOLITIONS"),"DEMOLITIONS (L&I demolitions inventory).")
q(PHL,"looking for vacant lots data for a community garden project","find",keys(PHL,"Vacant Indicators Land","Vacant Indicators Points","Vacant Block Percent Land","Vacant Block Percent Combined"),"Vacant land indicators (land, points) and block percentages of vacant land (land, combined). Building-only vacancy layers are not lots; Registered Community Gardens is a near miss, not counted.")
q(PHL,"houses behind on property taxes","find",keys(PHL,"REAL ESTATE TAX DELINQUENCIES"),"REAL ESTATE TAX DELINQUENCIES.")
q(PHL,"is my street in the flood zone? fema flood map","find",keys(PHL,pattern=r"^FEMA (100|500) [Ff]lood Plain"),"All FEMA 100/500 flood plain layers (current and 2007).")
q(PHL,"inventory of street trees","find",keys(PHL,"PPR Tree Inventory 2021","PPR Tree Canopy Points 2015"),"PPR Tree Inventory 2021 (best) and PPR Tree Canopy Points 2015 (individual tree points). Tree canopy change/outlines are canopy areas, not counted.")
q(PHL,"where can i safely get rid of used needles","find",keys(PHL,"Sharps Drop Boxes"),"Sharps Drop Boxes.")
q(PHL,"building permits issued by L&I","find",keys(PHL,"PERMITS","LI PERMITS"),"PERMITS (current, authoritative) and LI PERMITS (older copy).")
q(PHL,"which high school is my address assigned to","find",keys(PHL,"SchoolDist Catchments HS"),"SchoolDist Catchments HS. Middle/elementary catchments and the Schools points are not counted.")
q(PHL,"police station locations","find",keys(PHL,"Police Stations"),"Police Stations. Boundaries District/PSA are police boundaries, not stations.")
q(PHL,"bars with liquor licenses","find",keys(PHL,"PLCB LIQUOR LICENSES"),"PLCB LIQUOR LICENSES (liquor licensed establishments).")
# owner / freshness / license / formats
q(PHL,"who do i contact about the building certs data","owner",keys(PHL,"BUILDING CERTS"),"contactPoint.fn is the account maps.phl.data; the email Maps@Phila.gov is what a user can act on.","contactPoint.hasEmail")
q(PHL,"when was the shootings data last updated","freshness",keys(PHL,"SHOOTINGS"),"modified 2022-04-15.","modified")
q(PHL,"can I use the building certs data in a commercial app? do I have to credit anyone?","license",keys(PHL,"BUILDING CERTS"),"Custom terms: the City reserves all rights, no transfer of title, provided as is without warranty. Commercial use is not granted in the text: unclear, ask Maps@Phila.gov. No attribution clause.","license")
q(PHL,"can i reuse the polling places data in my startup's app","license",keys(PHL,"POLLING PLACES"),"license is empty: the catalog states no license; the answer says so and who to ask (Maps@Phila.gov).","license")
q(PHL,"whats the license on the bike network data","license",keys(PHL,"Bike Network"),"Custom disclaimer only (no representation about accuracy, as is, hold harmless): no grant and no restriction on use; no attribution clause.","license")
q(PHL,"can I get the parcels as a shapefile","formats",keys(PHL,"Parcel","DOR Parcel","PWD PARCELS"),"Yes: Shapefile (ZIP) is offered, plus GeoJSON, CSV, KML and the ArcGIS REST API.","distribution.format")
q(PHL,"is the covid vaccines by zip data available as kml","formats",keys(PHL,"COVID VACCINES BY ZIP"),"No: no KML; GeoJSON and CSV (and the ArcGIS REST API) are available.","distribution.format")
# none
q(PHL,"is there data on lead service lines or lead water pipes","none",[],"Searched lead, service line, water pipe: nothing. PWD layers (inlets, outfalls, parcels) are stormwater/billing, not service lines.")
q(PHL,"dog license records by zip code?","none",[],"Searched dog, pet, animal: nothing. Business/trade/liquor licenses share the word license only.")
q(PHL,"eviction filings in philadelphia","none",[],"Searched evict, landlord, tenant: nothing. Housing counseling agencies and affordable housing are near misses.")
# --- Minneapolis: find
q(MPLS,"e-scooter trip data","find",keys(MPLS,pattern=r"^Motorized Foot Scooter Trips"),"All Motorized Foot Scooter Trips layers (2018 to 2021, monthly 2019). Scooter Availability is availability, not trips; the operator layers (Lime, Bird…) are not trips either.")
q(MPLS,"311 service requests","find",keys(MPLS,pattern=r"^Public 311 "),"Public 311 layers for every year 2015 to 2022 (2022 is the current one).")
q(MPLS,"how often do minneapolis police use force","find",keys(MPLS,"Police Use of Force"),"Police Use of Force. Officer Involved Shootings is a near miss, not counted.")
q(MPLS,"which streets are snow emergency routes","find",keys(MPLS,"Snow Emergency Routes"),"Snow Emergency Routes. The tows/tags layers are per emergency, not the routes.")
q(MPLS,"my car got towed in the snow emergency, is there data on where cars got towed","find",keys(MPLS,pattern=r"^Snow Emergency .* Tows"),"Every Snow Emergency ... Tows layer. Tags layers are tickets, not tows.")
q(MPLS,"restaurant health inspection results","find",keys(MPLS,"Food Inspections"),"Food Inspections.")
q(MPLS,"list of licensed rental properties","find",keys(MPLS,"Active Rental Licenses"),"Active Rental Licenses.")
q(MPLS,"who keeps bees in the city","find",keys(MPLS,"Honey Bee Permits 2017"),"Honey Bee Permits 2017.")
q(MPLS,"fire hydrant locations","find",keys(MPLS,"Hydrants"),"Hydrants.")
q(MPLS,"what did houses sell for in the last few years","find",keys(MPLS,"Property Sales 2017 to 2021"),"Property Sales 2017 to 2021. Assessors Parcel Data holds assessed values, not sales.")
q(MPLS,"police traffic stops data","find",keys(MPLS,"Police Stop Data"),"Police Stop Data.")
q(MPLS,"map of neighborhood boundaries","find",keys(MPLS,"Minneapolis Neighborhoods"),"Minneapolis Neighborhoods. Communities is a grouping of neighborhoods, not counted.")
# fields
q(MPLS,"who maintains the hydrants dataset","owner",keys(MPLS,"Hydrants"),"contactPoint is City_of_Minneapolis / gis@minneapolismn.gov (the description also names PublicWorksOpenData@minneapolismn.gov).","contactPoint.hasEmail")
q(MPLS,"is the police incidents 2021 data up to date?","freshness",keys(MPLS,"Police Incidents 2021"),"modified date as in the catalog.","modified")
q(MPLS,"what license is the crime data under, can i republish it","license",keys(MPLS,"Crime Data"),"CC0 1.0 (public domain dedication): yes, republishing is fine, no credit required.","license")
q(MPLS,"can i use the assessors parcel data 2020 commercially","license",keys(MPLS,"Assessors Parcel Data 2020"),"CC BY-SA 4.0: commercial use yes, with attribution and share-alike.","license")
q(MPLS,"is there an api for the 2022 311 data","formats",keys(MPLS,"Public 311 2022"),"Yes: the ArcGIS GeoServices REST API (FeatureServer); GeoJSON and CSV downloads too.","distribution.format")
q(MPLS,"can i download the planning zoning overlay as a csv","formats",keys(MPLS,"Planning Zoning Overlay"),"No: only the web page and the ArcGIS REST API.","distribution.format")
q(MPLS,"does the ccs permits data include the applicant name?","columns",keys(MPLS,"CCS Permits"),"Yes: ApplicantName (data dictionary in the description).","columns",
  ["Display","APN","Longitude","Latitude","Neighborhood Desc","Wards","ApplicantName","PermitNumber","DwellingUnitNew","DwellingUnitEliminated","PermitType","OccupancyType","WorkType","Status","Milestone","Value","Totalfees","Comments","IssueDate","CompleteDate","FullName","ApplicantAddress","ApplicantCity"])
q(MPLS,"does the pw alleys data say whether an alley is paved","columns",keys(MPLS,"PW Alleys"),"Yes: PAVED (Alley paved or unpaved), from the Fields table in the description.","columns",
  ["OBJECTID","SYMBOL_NAME","SEGMENT_ID","SECTION_ID","PAVED","MAINTENANCE_DISTRICT","PLOW_ROUTE","WARD","SEGMENT_LENGTH","COMMENTS","SOURCE","SOURCE_DATE","ALLEY_CLINE_CREATED","ALLEY_CLINE_REVD","LEGAL_SOURCE","Shape","Shape.STLength()"])
q(MPLS,"number of bus riders by route","none",[],"Searched ridership, bus, transit: only Transit Stations (rail station points), which has no ridership.")
q(MPLS,"public library visits","none",[],"Searched library, librar: nothing.")
q(MPLS,"school test scores by school","none",[],"Searched school, test score, education: nothing.")
with open('/work/main/bench/questions/arcgis-hub-dev.jsonl','w') as out:
  for x in Q: out.write(json.dumps(x)+'\n')
import collections
print(len(Q), collections.Counter(x['intent'] for x in Q))
