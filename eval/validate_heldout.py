"""Validate eval/heldout.jsonl against the catalog files (parse, keys exist, field values match)."""
import json, re, collections, sys
C = '/work/shared/catalogs/'
F = '/work/main/eval/heldout.jsonl'
chi = {x['identifier']: x for x in json.load(open(C + 'chicago-il-data-2020-07-22.json'))['dataset']}
fc = {r['resource']['id']: r for r in json.load(open(C + 'fort-collins-co-socrata-catalog-api.json'))['results']}
sd = {json.loads(l)['id']: json.loads(l) for l in open(C + 'sandiego-sdrdl-ckan-datasets.jsonl')}
keys = {'chicago-il-data-2020-07-22.json': chi, 'fort-collins-co-socrata-catalog-api.json': fc,
        'sandiego-sdrdl-ckan-datasets.jsonl': sd}
FIELDS = {'find': None, 'none': None}
INTENTS = {'find', 'owner', 'freshness', 'license', 'columns', 'formats', 'access', 'none'}
COLS = ['id', 'catalog', 'question', 'intent', 'expected', 'answer_field', 'notes', 'answer_value']

def get(cat, k, field):
    """Value of a dotted answer_field in the catalog record (lists for resources/distribution)."""
    if cat.startswith('chicago'):
        x = chi[k]
        if field == 'distribution.mediaType':
            return [d['mediaType'] for d in x.get('distribution', [])]
        a, *b = field.split('.')
        return x[a][b[0]] if b else x[a]
    if cat.startswith('fort'):
        r = fc[k]; a, b = field.split('.')
        return r[a].get(b)
    x = sd[k]
    if field == 'resources.format':
        return [r['format'] for r in x['resources']]
    return x[field]

rows, ids, errs = [], set(), []
for n, line in enumerate(open(F), 1):
    r = json.loads(line)
    rows.append(r)
    if list(r) != COLS: errs.append(f'{n}: columns {list(r)}')
    if r['id'] in ids: errs.append(f'{n}: duplicate id {r["id"]}')
    ids.add(r['id'])
    pre = {'chicago': 'ho-chi-', 'fort': 'ho-fc-', 'sandiego': 'ho-sd-'}[r['catalog'].split('-')[0]]
    if not re.fullmatch(re.escape(pre) + r'\d{3}', r['id']): errs.append(f'{n}: bad id {r["id"]}')
    if r['intent'] not in INTENTS: errs.append(f'{n}: intent {r["intent"]}')
    for k in r['expected']:
        if k not in keys[r['catalog']]: errs.append(f'{r["id"]}: missing key {k}')
    if len(set(r['expected'])) != len(r['expected']): errs.append(f'{r["id"]}: duplicate expected')
    if r['intent'] == 'none':
        if r['expected'] or r['answer_field'] or r['answer_value']: errs.append(f'{r["id"]}: none must be empty')
    elif r['intent'] == 'find':
        if not r['expected'] or r['answer_field'] or r['answer_value']: errs.append(f'{r["id"]}: find shape')
    else:
        av = r['answer_value'] or {}
        if set(av) != set(r['expected']): errs.append(f'{r["id"]}: answer_value keys != expected')
        for k, v in av.items():
            if r['answer_field'] not in v: errs.append(f'{r["id"]}: answer_field missing in answer_value[{k}]')
            elif v[r['answer_field']] != get(r['catalog'], k, r['answer_field']):
                errs.append(f'{r["id"]}: value mismatch for {k}')
    if not r['notes'].strip(): errs.append(f'{r["id"]}: empty notes')

print('\n'.join(errs) if errs else f'OK: {len(rows)} lines parse, every expected key exists, every answer_value matches its catalog')
cnt = collections.Counter((r['catalog'].split('-')[0], r['intent']) for r in rows)
cats = ['chicago', 'fort', 'sandiego']; ints = ['find', 'owner', 'freshness', 'license', 'columns', 'formats', 'none']
print('%-10s' % 'catalog' + ''.join('%10s' % i for i in ints) + '%8s' % 'total')
for c in cats:
    print('%-10s' % c + ''.join('%10d' % cnt[(c, i)] for i in ints) + '%8d' % sum(cnt[(c, i)] for i in ints))
print('%-10s' % 'total' + ''.join('%10d' % sum(cnt[(c, i)] for c in cats) for i in ints) + '%8d' % len(rows))
sys.exit(1 if errs else 0)
