# Dansk: tekster til dokumenter (evalueringsnotat). Tal, beløb og datoer indsættes
# færdigformaterede ($-variabler er altid tekst).

memo-title = Evalueringsnotat
memo-subtitle = { $tender }
meta-authority = Ordregiver
meta-tender = Udbud
meta-reference = Udbuddets id
meta-deadline = Tilbudsfrist
meta-basis = Grundlag
version-published = Udbudsmaterialet som offentliggjort; der er ikke udsendt rettelsesblade.
version-amended = Udbudsmaterialet med de rettelser, der følger af rettelsesbladene nedenfor.
version-not-latest = Bemærk: Evalueringen bygger ikke på den gældende version af udbudsmaterialet.
meta-round = Forhandlingsrunde
round-value = Runde { $number } af { $of }: { $name }, frist { $deadline }
round-initial = Indledende tilbud
round-not-final = Bemærk: Evalueringen bygger på tilbuddene i runde { $number } af { $of }. Kun tilbuddene i den sidste runde danner grundlag for tildelingen.
round-standing = Tilbudsgivere, der ikke har afgivet et revideret tilbud i runde { $round }, er bundet af deres seneste tilbud: { $bids }.
round-standing-bid = { $bidder } (runde { $round })
rettelsesblad-item = Rettelsesblad nr. { $number } af { $date }: { $title }

section-model = Evalueringsmodellen
model-intro = Tildelingskriteriet er bedste forhold mellem pris og kvalitet. Tilbuddene vurderes på følgende kriterier og underkriterier:
col-criterion = Kriterium
col-kind = Art
col-weight = Vægt
col-share = Andel af den samlede vurdering
col-share-q = Andel af kvalitetsscoren Q
kind-quality = Kvalitet
kind-price = Pris
kind-group = Samlet kriterium
price-model = Prisen omsættes til point således: { $formula }.
price-rounding-to = Pointene afrundes { $mode } til { $decimals } decimaler.
price-rounding-none = Pointene afrundes ikke.
money-model = Tilbuddene rangeres efter en evalueringspris, hvor kvaliteten omregnes til kroner: { $formula }, hvor P er prisen, Q det vægtede gennemsnit af kvalitetspointene og Qmax skalaens maksimum. Laveste evalueringspris vinder.
money-rounding-to = Evalueringsprisen afrundes { $mode } til { $decimals } decimaler.
money-rounding-none = Evalueringsprisen afrundes ikke.
mode-half-up = efter almindelige afrundingsregler
mode-half-even = til nærmeste lige tal ved midtpunkt
mode-up = opad
mode-down = nedad
band-line = { $name }: mindstepris { $min }, maksimalpris { $max } pr. { $unit }.
band-none = { $name }: pris pr. { $unit }; der er ikke fastsat et prisinterval.
rules-title = Prisregler
rule-whole-kroner = Priser med øre rundes { $mode } til hele kroner.
rule-below-raise = En pris under mindsteprisen sættes til mindsteprisen; tilbudsgiver er bundet af den.
rule-below-reject = Et tilbud med en pris under mindsteprisen afvises.
rule-above-lower = En pris over maksimalprisen sættes til maksimalprisen; tilbudsgiver er bundet af den.
rule-above-reject = Et tilbud med en pris over maksimalprisen afvises.
rule-missing-max = Er der ikke angivet en pris, anvendes maksimalprisen.
rule-missing-reject = Et tilbud uden pris på en prislinje afvises.
clause-ref = ({ $source })
scale-line = Kvaliteten bedømmes på en skala fra { $min } til { $max } point.
scale-step = { $points } point: { $text }
tie-none = Tilbud med samme samlede vurdering deler placering; udbudsmaterialet fastsætter ikke en regel for ligestilling.
tie-chain = Ved ligestilling rangeres tilbuddene efter de højeste vægtede point på { $chain }.
money-tie-none = Tilbud med samme evalueringspris deler placering; udbudsmaterialet fastsætter ikke en regel for ligestilling.

method-anchors = lineært mellem ankerpunkterne ({ $anchors }); en pris uden for det første eller sidste ankerpunkt får dettes point
method-relative = { $formula }, hvor P er prisen og Plow den laveste pris; { $floor }
floor-zero = pointene bliver aldrig negative
floor-none = pointene kan blive negative
method-proportional = { $formula }, hvor P er prisen og Plow den laveste pris
method-lowest-to-highest = { $formula }, hvor P er prisen, og Plow og Phigh er den laveste og højeste pris
anchor-min = mindsteprisen
anchor-max = maksimalprisen
anchor-target = målprisen
anchor-target-change = målprisen { $change } %
anchor-point = { $price }: { $points } point
list-and = { $first } og { $last }

section-result = Resultat
result-intro = { $ranked } tilbud er vurderet og rangeret. { $set_aside } tilbud indgår ikke i evalueringen (se afsnittet om tilbud, der ikke indgår).
col-rank = Placering
col-bidder = Tilbudsgiver
col-total = Samlet vurdering
col-evaluation-price = Evalueringspris
col-points = point
col-weighted = vægtet
chart-weighted-title = Vægtede point pr. tilbudsgiver
chart-price-title = Pris og point: { $name }
chart-axis-points = Point
chart-axis-price = Pris ({ $unit })
chart-model = Modellen
chart-bids = Tilbud

section-adjustments = Justeringer af priser
adjust-item = { $bidder }, { $line }: { $step }
adjust-step = { $from } → { $to }, { $rule }
adj-whole-kroner = øre rundet til hele kroner
adj-raise = hævet til mindsteprisen
adj-lower = sænket til maksimalprisen
adj-missing = manglende pris sat til maksimalprisen
no-adjustments = Ingen priser er justeret.

section-ties = Ligestilling
tie-item = { $bidders } står lige med { $total } og deler { $rank }.-pladsen.
tie-broken = { $bidders } har samme samlede vurdering, { $total }, og er rangeret efter reglen for ligestilling.
no-ties = Ingen tilbud står lige.

section-set-aside = Tilbud, der ikke indgår i evalueringen
no-set-aside = Alle modtagne tilbud indgår i evalueringen.
decision-rejected = Afvist som ukonditionsmæssigt
decision-rejected-other = Afvist
decision-review = Til afklaring: indgår ikke, før ordregiver har taget stilling
evidence = Dokumentation: { $evidence }
clause = Grundlag i udbudsmaterialet: { $source }
resolution-accepted = Ordregiver har den { $date } godkendt forholdet ({ $by }): { $reason }
resolution-rejected = Ordregiver har den { $date } afvist tilbuddet ({ $by }): { $reason }
reason-declared-reservation = Tilbudsgiver har i forbeholdserklæringen angivet, at løsningsbeskrivelsen indeholder forbehold (»JA« afkrydset). Løsningsbeskrivelsen er derfor ikke læst.
reason-found-reservation = Evaluatorerne har ved læsningen fundet et forbehold over for udbudsmaterialet ({ $deviates }).
reason-citizen-reservation = Evaluatorerne har fundet et forbehold med hensyn til, hvilke borgere tilbudsgiver vil modtage.
reason-alternative-bid = Tilbudsgiver har afgivet { $count } løsningsbeskrivelser, dvs. et alternativt tilbud.
reason-late-bid = Tilbuddet er modtaget { $when }, { $late } efter tilbudsfristen.
reason-unclear-declaration = Forbeholdserklæringen er uklar: enten er hverken »JA« eller »NEJ« afkrydset, eller begge er.
reason-quality-threshold = Tilbuddet når ikke den mindste kvalitet, som udbudsmaterialet kræver.
reason-price-below-minimum = En pris ligger under mindsteprisen.
reason-price-above-maximum = En pris ligger over maksimalprisen.
reason-missing-price = Tilbuddet angiver ikke pris på alle prislinjer.
reason-duplicate-bid = Samme tilbudsgiver har afgivet mere end ét tilbud.
reason-abnormally-low-price = Prisen ligger så langt under de øvrige tilbuds priser, at den efter udbuddets kriterium er unormalt lav. Ordregiver skal anmode tilbudsgiver om at forklare prisen (udbudslovens § 169), før tilbuddet kan indgå i rangordenen; tilbuddet afvises ikke alene af denne grund.
reason-requirement-not-met = Tilbuddet opfylder ikke mindstekravet: «{ $requirement }».
reason-other = { $reason }
minutes-late = { $n ->
    [one] 1 minut
   *[other] { $n } minutter
}
days = { $n ->
    [one] 1 dag
   *[other] { $n } dage
}

section-legal = Juridiske bemærkninger
legal-proportional = Den proportionale model komprimerer skalaen (det dobbelte af den laveste pris giver stadig halvdelen af pointene), så prisen vejer mindre end sin angivne vægt. Klagenævnet for Udbud har kritiseret modellen (RenoNorden mod Skive Kommune, 2011).
legal-relative = Pointene afhænger af de øvrige tilbuds priser, så et tilbud mere eller mindre kan ændre den indbyrdes rækkefølge af to andre. Evalueringen er kontrolleret for dette for hvert tilbud.
legal-floor-raise = Prisgulv: priser under mindsteprisen hæves til den og får ikke flere point end mindsteprisen. Den svenske øverste forvaltningsdomstol har underkendt en model uden point under et prisniveau (HFD 2022 ref. 41); en dansk afgørelse har godkendt i stedet at afvise tilbud under en krævet mindstepris (AKB København, 2021). Udbudsmaterialet skal angive valget.
legal-floor-anchor = Prisgulv: priser under modellens første ankerpunkt får ikke flere point end ankerpunktet. Den svenske øverste forvaltningsdomstol har underkendt en model uden point under et prisniveau (HFD 2022 ref. 41); en dansk afgørelse har godkendt i stedet at afvise tilbud under en krævet mindstepris (AKB København, 2021). Udbudsmaterialet skal angive valget.
legal-flag-before = Rettelsesblad nr. { $number } af { $date } ændrer evalueringen ({ $paths }) { $days } før tilbudsfristen, dvs. mindre end 6 dage før. Det kan kræve en ny tilbudsfrist eller et nyt udbud.
legal-flag-after = Rettelsesblad nr. { $number } af { $date } ændrer evalueringen ({ $paths }) { $days } efter tilbudsfristen. Det kan kræve en ny tilbudsfrist eller et nyt udbud.
reversal-item = Rækkefølgen afhænger af et tredje tilbud: med alle tilbud rangerer { $first } { $with_all } { $second }; uden { $removed } ville { $first } rangere { $without } { $second }.
reversal-more = Uden { $removed } skifter i alt { $pairs } par af tilbud indbyrdes rækkefølge; de { $listed } par, der står højest i rangordenen, er nævnt ovenfor.
place-ahead = foran
place-behind = efter
place-equal = lige med
no-legal = Ingen bemærkninger.

section-inputs = Datagrundlag
inputs-intro = Evalueringen er beregnet med { $tool } på grundlag af nedenstående filer. Kontrolsummen (SHA-256) viser, at netop disse filer er anvendt.
col-file = Fil
col-role = Indhold
col-sha = SHA-256
role-tender = Udbudsmateriale
role-model = Prismodel
role-bid = Tilbud
role-rettelsesblad = Rettelsesblad
role-decisions = Ordregivers afgørelser

section-signoff = Godkendelse
signoff-evaluators = Evaluatorer
signoff-approver = Godkendt af
signoff-name = Navn
signoff-date = Dato
signoff-signature = Underskrift

letter-title = Underretning om tildelingsbeslutning
letter-to = Til
letter-re = Vedrørende
letter-sent = Afsendt
letter-decision = { $authority } har besluttet at tildele kontrakten til { $winner }.
letter-decision-you = { $authority } har besluttet at tildele kontrakten til jer. Jeres tilbud er det økonomisk mest fordelagtige.
letter-rank = Jeres tilbud er placeret som nr. { $rank } af { $count } vurderede tilbud.
letter-compare-intro = Jeres point og det vindende tilbuds point pr. kriterium:
letter-own-points = Jeres point pr. kriterium:
col-yours = Jeres tilbud
col-winner = Det vindende tilbud
letter-advantages = Det vindende tilbuds egenskaber og relative fordele:
letter-decision-award = { $authority } har besluttet at tildele { $what } til { $list }.
letter-award-you = I tildeles { $what } på { $places }.
letter-compare-intro-last = Jeres point og point for { $bidder }, det lavest placerede af de tilbud, der tildeles, pr. kriterium:
col-last-awarded = Lavest placerede tildelte tilbud
letter-advantages-last = Egenskaber og relative fordele ved det lavest placerede af de tilbud, der tildeles:
letter-your-advantages = Forhold, hvor jeres tilbud stod bedre:
adv-more = { $who ->
    [last] Det lavest placerede tildelte tilbud
   *[winner] Det vindende tilbud
} har opnået flere point end jeres på { $criterion } ({ $winner } mod { $yours }).
adv-less = Jeres tilbud har opnået flere point end { $who ->
    [last] det lavest placerede tildelte tilbud
   *[winner] det vindende
} på { $criterion } ({ $yours } mod { $winner }).
adv-price-lower = { $who ->
    [last] Det lavest placerede tildelte tilbud
   *[winner] Det vindende tilbud
} har en lavere pris på prislinjen »{ $line }« ({ $winner } mod jeres { $yours }).
adv-price-higher = Jeres tilbud har en lavere pris på prislinjen »{ $line }« ({ $yours } mod { $who ->
    [last] det lavest placerede tildelte tilbuds
   *[winner] det vindende tilbuds
} { $winner }).
adv-total = Samlet har { $who ->
    [last] det lavest placerede tildelte tilbud
   *[winner] det vindende tilbud
} opnået { $winner } mod jeres { $yours }.
adv-total-money = { $who ->
    [last] Det lavest placerede tildelte tilbuds
   *[winner] Det vindende tilbuds
} evalueringspris er { $winner } mod jeres { $yours }.
adv-none = { $who ->
    [last] Det lavest placerede tildelte tilbud
   *[winner] Det vindende tilbud
} og jeres tilbud har opnået samme point; rækkefølgen følger af reglen for ligestilling.
letter-set-aside = Jeres tilbud indgår ikke i evalueringen af følgende grunde:
letter-standstill = Kontrakten indgås tidligst, når standstill-perioden på { $days } er udløbet. Perioden regnes fra dagen efter afsendelsen af denne underretning og udløber ved udgangen af { $end } (en periode, der ville slutte på en lørdag, søndag eller helligdag, slutter den følgende arbejdsdag).
letter-closing = Med venlig hilsen

publish-title = Evalueringsmodel
publish-intro = Tilbuddene evalueres efter følgende model. Tabellerne viser, hvor mange point en pris giver, så tilbudsgiverne selv kan beregne deres prispoint.
publish-example = Eksempel: { $name }
publish-example-relative = Eksempel: { $name }, når den laveste pris er { $lowest } og den højeste { $highest }
col-price = Pris
col-percent-of-lowest = I forhold til laveste pris
col-price-points = Point
publish-no-example = { $name }: pointene afhænger af de øvrige tilbuds priser; der er ikke fastsat et prisinterval at vise et eksempel på.

sheet-ranking = Rangering
sheet-prices = Priser
sheet-set-aside = Ikke vurderet
col-submitted = afgivet
col-evaluated = evalueret
col-decision = Afgørelse
col-rule = Regel
col-reason = Begrundelse
col-clause = Grundlag
xlsx-values-note = Pointene er værdier, ikke formler: Excel har ingen afrunding til lige tal, eller prislinjerne er lagt sammen efter forventede mængder.

section-decisions = Ordregivers afgørelser
decision-item-accepted = { $bidder }: { $rule } – godkendt den { $date } af { $by }: { $reason }
decision-item-rejected = { $bidder }: { $rule } – afvist den { $date } af { $by }: { $reason }
section-warnings = Bemærkninger til tilbuddene
warning-length-limit = { $bidder }: løsningsbeskrivelsen fylder { $written } anslag, { $beyond } anslag mere end grænsen på { $limit } anslag ({ $pages } { $n ->
    [one] side
   *[other] sider
} à { $characters } anslag); det, der ligger ud over grænsen, er ikke læst og indgår ikke i vurderingen.
warning-length-limit-criterion = { $bidder }: beskrivelsen til „{ $criterion }“ fylder { $written } anslag, { $beyond } anslag mere end grænsen på { $limit } anslag ({ $pages } { $n ->
    [one] side
   *[other] sider
} à { $characters } anslag); det, der ligger ud over grænsen, er ikke læst og indgår ikke i vurderingen.
warning-evaluator-disagreement = { $bidder }: evaluatorernes point på „{ $criterion }“ spænder fra { $lowest } til { $highest }, dvs. { $spread } point, mens udbudsmaterialet tillader en forskel på højst { $allowed } point; { $reasoned ->
    [yes] begrundelsen for konsensus fremgår af evalueringen.
   *[other] der er ikke angivet en begrundelse for konsensus.
}
warning-requirement-corrected = { $bidder }: tilbuddet opfylder ikke mindstekravet «{ $requirement }» ({ $evidence }). Efter udbudsmaterialets regel læses tilbuddet, som om det opfylder kravet, og tilbudsgiver er bundet af kravet.
effective-weights = Kriteriernes point spænder forskelligt, så deres reelle andel af spændet i de samlede vurderinger er: { $list }.
effective-weight-item = { $name } { $effective } % (angivet { $stated } %)
section-recommendation = Indstilling
recommendation = Evalueringen indstiller, at kontrakten tildeles { $winner }, som har afgivet det økonomisk mest fordelagtige tilbud.
recommendation-none = Der kan ikke indstilles en tildeling endnu: { $why }.
why-round = evalueringen bygger ikke på tilbuddene i den sidste forhandlingsrunde
award-what = rammeaftalen
award-what-lot = „{ $lot }“
award-recommendation = Evalueringen indstiller, at { $what } tildeles { $list }.
award-item = { $bidder } ({ $places }{ $allocation })
award-place = plads { $n }
award-places = plads { $first }–{ $last }
award-allocation-volume = , { $volume } { $unit } svarende til { $share } %
award-allocation-share = , { $share } % af opgaven
award-tied = Tilbuddene fra { $bidders } står lige på { $places } ved grænsen for antallet af leverandører. Evalueringsmodellen afgør ikke, hvem der tildeles { $places }; det må ordregiver tage stilling til.
award-unfilled = Der er ikke tilbud nok, der kan tildeles, til at besætte { $places }.
award-lot-limit = { $bidder } tildeles ikke delaftalen, fordi tilbudsgiveren allerede tildeles det højeste antal delaftaler, én tilbudsgiver kan tildeles.
why-tie = flere tilbud deler førstepladsen
why-review = der afventer ordregivers afgørelse om et eller flere tilbud
why-none = intet tilbud er vurderet

no-decisions = Ordregiver har ikke truffet afgørelser om tilbud til afklaring.
no-warnings = Ingen bemærkninger.
quality-min-per-criterion = Et tilbud skal opnå mindst { $percent } % af de mulige point på hvert kvalitetskriterium; ellers indgår det ikke i evalueringen.
quality-min-total = Et tilbud skal samlet opnå mindst { $percent } % af de mulige kvalitetspoint; ellers indgår det ikke i evalueringen.
conformity-title = Forhold, der medfører, at et tilbud ikke indgår i evalueringen:
conformity-rule-reject = { $rule }: tilbuddet afvises.
conformity-rule-review = { $rule }: tilbuddet indgår ikke, før ordregiver har taget stilling.
length-limit-rule = Løsningsbeskrivelsen må fylde højst { $pages } { $n ->
    [one] side
   *[other] sider
} à { $characters } anslag; det, der ligger ud over, læses ikke.
length-limit-criterion-rule = Beskrivelsen til „{ $criterion }“ må fylde højst { $pages } { $n ->
    [one] side
   *[other] sider
} à { $characters } anslag; det, der ligger ud over, læses ikke.
requirement-rule-reject = Mindstekrav: «{ $text }». Et tilbud, der ikke opfylder det, afvises.
requirement-rule-review = Mindstekrav: «{ $text }». Et tilbud, der ikke opfylder det, indgår ikke, før ordregiver har taget stilling.
requirement-rule-correct = Mindstekrav: «{ $text }». Et tilbud, der ikke opfylder det, læses, som om det opfylder kravet, og tilbudsgiver er bundet af kravet.

rulename-declared-reservation = Forbehold angivet i forbeholdserklæringen (»JA« afkrydset)
rulename-found-reservation = Forbehold, som evaluatorerne finder ved læsningen
rulename-citizen-reservation = Forbehold om, hvilke borgere tilbudsgiver vil modtage
rulename-alternative-bid = Alternativt tilbud (mere end én løsningsbeskrivelse)
rulename-late-bid = Tilbud modtaget efter tilbudsfristen
rulename-unclear-declaration = Uklar forbeholdserklæring (hverken eller begge rubrikker afkrydset)
rulename-quality-threshold = Mindstekrav til kvaliteten ikke opfyldt
rulename-price-below-minimum = Pris under mindsteprisen
rulename-price-above-maximum = Pris over maksimalprisen
rulename-missing-price = Manglende pris
rulename-duplicate-bid = Flere tilbud fra samme tilbudsgiver
rulename-evaluator-disagreement = Uenighed mellem evaluatorerne
rulename-length-limit = Løsningsbeskrivelsen er for lang
rulename-abnormally-low-price = Unormalt lav pris (udbudslovens § 169)
rulename-requirement-not-met = Mindstekrav ikke opfyldt

month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date = { $day }. { $month } { $year }
datetime = { $day }. { $month } { $year } kl. { $time }

# Afregning af ordrer (payments) og prisregulering (index).
pay-title = Afregning af ordrer: { $tender }
pay-scope = Periode: { $month }
pay-all-months = alle måneder
pay-through = Betalt til og med { $date }
pay-supplier = Leverandør: { $bidder } ({ $id })
col-order = Ordre
col-citizen = Borger
col-line = Prislinje
col-month = Måned
col-weekdays = Hverdage
col-calculation = Beregning
col-amount = Beløb
pay-calc-days = { $days } { $days ->
    [one] hverdag
   *[other] hverdage
} × { $price }
pay-calc-hours = { $hours } timer × { $price } × { $days } / { $ordered } hverdage
pay-calc-through = til og med { $days } hverdage i alt { $exact } → { $through }, heraf betalt tidligere { $before }
pay-month-total = I alt { $month }: { $amount } ({ $orders } { $orders ->
    [one] ordre
   *[other] ordrer
})
pay-total = I alt: { $amount }
pay-prices = Priser
pay-price = { $bidder }, { $line }: { $price }
pay-price-bound = ; fastsat ved evalueringen: { $from } → { $to }, { $rule }
pay-no-price = ingen pris
pay-price-from = ; fra { $date }: { $price }
pay-rules = Regler
pay-no-days-off = ingen dage
pay-rule-weekdays = Hverdage: mandag til fredag undtagen { $excluded }{ $source }.
pay-rule-basis-weekday = { $line }: dagspris × gennemførte hverdage{ $source }.
pay-rule-basis-hour = { $line }: timepris × bestilte timer ÷ bestilte hverdage × gennemførte hverdage{ $source }.
pay-rule-rounding = Beløb afrundes { $mode } til { $decimals } decimaler.
pay-rule-rounding-default = Beløb afrundes til hele øre efter almindelige afrundingsregler; kontrakten fastsætter ingen afrundingsregel.
pay-rule-month = En måned betales med ordrens beløb til og med månedens sidste dag minus beløbet til og med måneden før, så en ordres måneder tilsammen giver præcis ordrens afrundede beløb.
pay-rule-cancellation = En ordre kan afbestilles uden beregning indtil { $days } { $days ->
    [one] dag
   *[other] dage
} før start{ $source }.
pay-rule-index-order-date = Priserne reguleres efter { $index }: kun den del af den årlige stigning, der overstiger { $threshold } %, lægges til; et fald slår igennem, dog aldrig under de tilbudte priser. En ordre betales med de priser, der gjaldt, da den blev bestilt{ $source }.
pay-rule-index-delivery-date = Priserne reguleres efter { $index }: kun den del af den årlige stigning, der overstiger { $threshold } %, lægges til; et fald slår igennem, dog aldrig under de tilbudte priser. Hver hverdag betales med den pris, der gjaldt den dag{ $source }.
pay-order-note = Ordre { $order }: { $course }
pay-course-completed = { $days } { $days ->
    [one] hverdag
   *[other] hverdage
} gennemført, til og med { $date }.
pay-supplier-total = I alt for { $bidder }: { $amount }
pay-course-none = ingen hverdage gennemført; intet vederlag.
pay-course-stopped = afbrudt { $date }; betalt til og med denne dag.
pay-course-cancelled = afbestilt { $date } inden start; intet vederlag.
dayoff-public-holidays = helligdage
dayoff-christmas-eve = juleaftensdag
dayoff-new-years-eve = nytårsaftensdag
dayoff-constitution-day = grundlovsdag
index-title = Prisregulering: { $tender }
index-change-exact = Den årlige ændring i indekset bruges uafrundet.
index-change-rounded = Den årlige ændring i indekset afrundes { $mode } til { $decimals } { $decimals ->
    [one] decimal
   *[other] decimaler
}.
index-price-rounded = Regulerede priser afrundes { $mode } til { $decimals } { $decimals ->
    [one] decimal
   *[other] decimaler
}.
col-effective = Gælder fra
col-periods = Periode
col-index = Indeks
col-change = Ændring
col-passed-on = Reguleres med
index-change = { $change } %
index-change-used = { $change } %, afrundet { $used } %
index-rise-above = { $passed } % (stigningen ud over tærsklen)
index-rise-within = 0 % (stigningen er inden for tærsklen)
index-fall = { $passed } % (faldet slår igennem)
index-price-calc = { $before } × { $factor } % = { $computed } → { $rounded }
index-floored = , under den tilbudte pris: { $price }
index-unknown-no-file = kendes ikke: indeks for { $from } og { $to } er ikke oplyst
index-unknown-missing = kendes ikke: indeks for { $period } er ikke oplyst
index-unknown-earlier = kendes ikke, da reguleringen { $date } ikke kendes
index-unknown-too-large = kendes ikke: prisen bliver for stor til at regne nøjagtigt
index-adjustments = Reguleringer
index-prices = Priser
index-as-bid = tilbudt

## whatif
whatif-title = Hvad nu hvis: { $tender }
whatif-version-latest = Version { $version }: de gældende udbudsdokumenter.
whatif-version-earlier = Version { $version }: ikke de gældende udbudsdokumenter.
whatif-units-points = Forskellen måles i point af den samlede score; ved en forskel på 0 står to tilbud lige, og udbuddets regel ved pointlighed (om nogen) afgør rækkefølgen.
whatif-units-money = Tilbuddene rangeres efter evalueringspris, laveste først; forskellen er det andet tilbuds evalueringspris minus dette tilbuds.
whatif-grid-whole = Priser er evaluerede priser efter prisreglerne, i hele kroner, som prisreglerne afrunder til.
whatif-grid-ore = Priser er evaluerede priser efter prisreglerne, i øre.
whatif-abnormally-low = Udbuddets kriterium for unormalt lave priser er ikke anvendt på priserne nedenfor: en så lav pris kan kræve tilbudsgivers forklaring (udbudslovens § 169), før tilbuddet kan indgå i rangordenen.
whatif-held = Hvert svar ændrer én pris eller ét pointtal ad gangen; alle andre priser og point er uændrede.
whatif-held-relative = Hvert svar ændrer én pris eller ét pointtal ad gangen. Med denne prismodel afhænger de øvrige tilbuds prispoint af den laveste pris, så de følger med, når et tilbud bliver billigst; det er regnet med.
whatif-role-shared = der deler førstepladsen
whatif-points-tie-below = mindst { $tie } (står lige dér); i hele point { $points } ({ $margin } dér)
whatif-range-none = ændres ved enhver anden vægt
whatif-no-ranked = Intet tilbud er rangeret, så der er intet at sammenligne.
whatif-points = { $points } point
whatif-set-aside = tilbuddet ville blive tilsidesat
whatif-versus = { $bidder } (nr. { $rank }) over for { $other }, { $role }
whatif-role-above = tilbuddet placeret lige foran
whatif-role-winner = vinderen
whatif-role-runner-up = nummer to
whatif-margin-now = Forskel nu: { $margin }.
whatif-col-criterion = Kriterium
whatif-col-now = Nu
whatif-col-level-behind = For at stå lige eller foran (hver for sig)
whatif-col-level-ahead = For at blive ved med at stå lige eller foran (hver for sig)
whatif-price-any = enhver pris i prisrammen, op til { $highest } ({ $margin } dér)
whatif-price-tie = højst { $price }: står lige dér
whatif-price-at-most = højst { $price } ({ $margin } dér)
whatif-price-next = ; ved { $next }: { $margin }
whatif-price-tie-between = ; står lige ved { $tie }
whatif-price-tie-between-kroner = ; står kun lige ved { $tie }, som ikke er hele kroner
whatif-price-never = ikke muligt i prisrammen: selv ved mindsteprisen { $lowest } { $margin }
whatif-all-lowest = Med alle priser ved prisrammens mindstepris: { $margin }.
whatif-points-already = står allerede lige eller foran
whatif-points-at-least = mindst { $points } ({ $margin } dér)
whatif-points-tie = mindst { $points }: står lige dér
whatif-points-never = ikke muligt på skalaen: selv med { $highest } point { $margin }
whatif-weights = Vægte
whatif-weights-intro = Hvert kriteriums vægt blandt kriterierne på samme niveau, som deler resten i forhold til deres vægte; priser og point er uændrede. Ved en grænse står to tilbud lige; vist afrundet indad.
whatif-col-weight = Vægt
whatif-col-winner = Vinderen er den samme
whatif-col-ranking = Rangordenen er den samme (grænserne ikke medregnet)
whatif-nearest = { $criterion }: ved { $weight }, { $delta } procentpoint fra den angivne vægt { $stated }, står { $bidder } lige med vinderen.
whatif-nearest-none = Ingen vægt for et enkelt kriterium fra 0 % til 100 % ændrer vinderen.
whatif-spread = Spredning pr. kriterium
whatif-spread-intro = Spredningen i hvert kriteriums vægtede point blandt de rangerede tilbud (højeste minus laveste) og dens andel af alle kriteriers spredning, ved siden af kriteriets angivne andel af totalen.
whatif-spread-money = Med en pengemodel rangeres tilbuddene efter evalueringspris; der er ingen spredning i vægtede point at vise.
whatif-spread-rounded = Andelene vises afrundet til 2 decimaler.
whatif-col-stated = Angivet andel
whatif-col-spread = Spredning (point)
whatif-col-effective = Andel af spredningen
whatif-spread-low = { $criterion } afgjorde { $effective } af spredningen blandt de rangerede tilbud, under en tiendedel af den angivne andel { $stated }: prisrammen er smal, eller modellen presser pointene sammen.
scenario-title = Scenarie: { $tender }
scenario-edits = Ændringer, kun i denne beregning (ingen fil ændres)
scenario-edit-price = { $bid }: prisen på { $line } er { $price }
scenario-edit-points = { $bid }: pointene på { $criterion } er { $points }
scenario-edit-weight = { $criterion } vægter { $weight } blandt kriterierne på samme niveau, som deler resten forholdsmæssigt
scenario-edit-accept = { $bid }: ordregiver godkender tilbuddet trods forholdet { $rule }
scenario-edit-reject = { $bid }: ordregiver afviser tilbuddet på grund af forholdet { $rule }
scenario-winner-same = Vinderen er den samme: { $bidder }.
scenario-winner-changed = Vinderen skifter: { $before } → { $after }.
scenario-col-rank-before = Nr.
scenario-col-total-before = Total
scenario-col-rank-after = Nr. (scenarie)
scenario-col-total-after = Total (scenarie)
scenario-rejected = afvist
scenario-review = til vurdering
scenario-nothing-written = Et scenarie er ikke en evaluering: tilbuddene og udbudsdokumenterne er som før.
simulate-title = Simulering: { $tender }
simulate-settings = { $runs } kørsler med hver { $bids } tilfældige tilbud (frø { $seed }): priser trukket jævnt i trin på { $step } fra { $spread } % af rammens bredde under mindsteprisen til lige så langt over maksimalprisen (prisreglerne retter dem som for rigtige tilbud), kvalitetspoint jævnt i hele point på hver skala. Hver kørsel er beregnet nøjagtigt.
simulate-price-decided = Prisen ændrede vinderen i { $changed } af { $runs } kørsler med et rangeret tilbud ({ $share }): vinderen var ikke et tilbud med den bedste kvalitet.
simulate-price-effective = Blandt de rangerede tilbud stod prisen i gennemsnit for { $effective } af spredningen i vægtede point; den angivne andel er { $stated }.
simulate-reversals = Rangombytning (to tilbud bytter plads, når et tredje fjernes) forekom i { $reversals } af { $runs } kørsler ({ $share }).
simulate-reversals-unchecked = Rangombytning undersøges kun med højst { $most } tilbud pr. kørsel.
simulate-table = Pris → point: { $line }
simulate-col-price = Pris
simulate-col-points = Point

about = ca. { $n }
letter-not-awarded = I tildeles ikke { $what }.
letter-lot-limit-you = I tildeles ikke { $what }, selv om jeres tilbud er placeret som nr. { $rank }, fordi I allerede er tildelt det højeste antal delaftaler, som én tilbudsgiver kan tildeles.

## score: tabel- og Markdown-rapporterne (lånes også af rejections, explain og rounds)
report-evaluated-with = Beregnet med { $tool }.
report-state-latest = den gældende version
report-state-earlier = ikke den seneste version
report-version-published = Version 0: udbudsmaterialet som offentliggjort, uden rettelsesblade ({ $state })
report-version-amended = Version { $version }: efter rettelsesblad { $applied } ({ $state })
report-version-applied = nr. { $number } af { $date } ({ $title })
report-list-join = {"; "}
report-order-names = inden for en delt placering og blandt tilbud, der ikke indgår i evalueringen, er tilbuddene opstillet efter tilbudsgivers navn, hvilket ikke er udtryk for nogen rangorden.
report-order-none = Tilbud med samme { $money ->
        [yes] evalueringspris
       *[other] samlede vurdering
    } deler placering (udbudsmaterialet fastsætter ingen regel for ligestilling); { report-order-names }
report-order-chain = Tilbud med samme { $money ->
        [yes] evalueringspris
       *[other] samlede vurdering
    } rangeres efter udbudsmaterialets regel for ligestilling{ $source }: de højeste vægtede point på { $chain }; tilbud, der står lige på dem alle, deler placering; { report-order-names }
report-chain-join = {", dernæst "}
report-tender = Udbud { $id }: { $title }
report-lot = Delkontrakt { $id }: { $name }{ $source }
report-round = Runde { $round } af { $last }: { $what } ({ $status })
report-round-declared = { $name }, frist { $at }{ $source }
report-round-initial = de indledende tilbud, frist { $at }
report-round-final = den sidste runde, hvis tilbud danner grundlag for tildelingen
report-round-not-final = ikke den sidste runde: kun tilbuddene i den sidste runde danner grundlag for tildelingen
report-authority = Ordregiver: { $authority }; tilbudsfrist { $at }
report-model = Prismodel { $name }: { $method }; { $money ->
        [yes] evalueringsprisen
       *[other] pointene
    } { $rounding }; prislinjer: { $bands }
report-rounding-to = afrundes { $mode } til { $decimals } decimaler
report-rounding-none = afrundes ikke
report-model-file = Prismodellens kontrolsum (SHA-256): { $sha }
report-model-own = Prismodellen er fastsat i selve udbudsmaterialet
report-range-money = Kvalitetsskala { $scale }; tilbuddene rangeres efter evalueringspris, laveste først: { $formula }, hvor Q er det vægtede gennemsnit af kvalitetspointene
report-range = Kvalitetsskala { $scale }; den samlede vurdering kan ligge fra { $low } til { $high } point
report-scale-of = Skala for { $name }: { $scale }, omregnet lineært til udbuddets skala før vægtningen
report-band = { $min }–{ $max } { $currency } pr. { $unit }
report-band-none = { $currency } pr. { $unit }, intet prisinterval
report-price-band = { $name } { $band }
report-col-rank = Nr.
report-col-status = Status
report-status-ranked = rangeret
report-status-rejected = afvist
report-status-review = til afklaring
report-col-evaluated-price = { $name } (evalueret pris)
report-col-share-q = { $name } ({ $percent } % af Q)
report-col-share = { $name } ({ $percent } %)
report-notes = Bemærkninger
report-standing = { round-standing }
report-legal-flag = JURIDISK KONTROL: { $flag }
report-legal-note = Juridisk bemærkning: { $text }
report-effective-weights = Reelle vægte: kriteriernes point spænder forskelligt ({ $ranges }), så deres andele af det opnåelige spænd i de samlede vurderinger er (afrundet efter almindelige afrundingsregler til 2 decimaler): { $list }
report-range-of = { $name } { $low }–{ $high }
report-reversal = RANGOMBYTNING: { $item }
report-reversal-more = RANGOMBYTNING: { $item }
report-note = { $bidder }: { $note }
report-price = { $line }: { $steps } → { $points } point
report-price-money = { $line }: { $steps }
report-step = { $step }
report-step-join = {", derefter "}
report-finding = { $decision }. { $reason_text }{ $more }
report-others-more = { $count } andre
report-tie = samme { $money ->
        [yes] evalueringspris
       *[other] samlede vurdering
    }, { $total }, som { $others_listed }; de deler { $rank }.-pladsen
report-tie-broken = samme { $money ->
        [yes] evalueringspris
       *[other] samlede vurdering
    }, { $total }, som { $others_listed }; placeret som nr. { $rank } efter reglen for ligestilling
report-award = Tildeling{ $source }: { $suppliers } { $suppliers ->
        [one] leverandør
       *[other] leverandører
    } { $how }.
report-award-cascade = i rangordenens rækkefølge (kaskademodel)
report-award-equal-volume = med lige store andele af { $volume } { $unit }
report-award-equal = med lige store andele
report-award-declared-volume = med de fastsatte andele af { $volume } { $unit }
report-award-declared = med de fastsatte andele
report-award-units = enheder
report-award-place = plads { $place }
report-award-places = plads { $first }–{ $last } (lige point)
report-awarded = Tildeles, { $place }: { $bidder }{ $share }
report-awarded-volume = : { $volume } { $unit } ({ $percent } %)
report-awarded-share = : { $percent } % af opgaven
report-awarded-undecided = : andelen er ikke afgjort – tilbuddene står lige på pladser med forskellige andele; ordregiver træffer afgørelse
report-award-tied = Lige point ved grænsen for tildeling, { $count ->
        [one] plads
       *[other] plads
    } { $places }: { $bids }. Udbuddets regel for ligestilling adskiller dem ikke; ordregiver skal træffe afgørelse, før pladserne tildeles.
report-award-bid = { $bidder }
report-award-passed = Ikke tildelt på grund af begrænsningen i antal delaftaler: { $bids }. Hver af dem tildeles så mange andre delaftaler, som udbuddet tillader, og beholder dem.
report-award-passed-bid = { $bidder } (nr. { $rank })
report-award-unfilled = Ikke besat: { $count ->
        [one] plads
       *[other] plads
    } { $places } – der er ikke flere rangerede tilbud til at besætte dem (færre tilbud er rangeret, eller begrænsningen i antal delaftaler springer tilbud over).
report-md-title = Evaluering af { $id }
report-set-aside-title = Tilbud, der ikke indgår i evalueringen: { $id }
report-set-aside-summary = Udbud { $id } (version { $version }, { $latest ->
        [yes] den gældende
       *[other] ikke den seneste
    }): { $set_aside } af { $bids } tilbud indgår ikke i evalueringen: { $rejected } afvist, { $review } til afklaring.
report-clause = { $source }: »{ $text }«
report-clause-text = »{ $text }«
report-clause-none = (udbudsmaterialet angiver ikke noget grundlag)
report-clause-none-short = (intet angivet)
report-col-evidence = Dokumentation
report-block-line = {"  "}{ $label }: { $text }

## explain: hvert trin for ét tilbud
report-explain-title = Tilbud fra { $bidder } i udbud { $id }
report-explain-status = Status: { $status }
report-explain-set-aside = Tilbuddet indgår ikke i evalueringen og er derfor hverken vurderet eller rangeret:
report-explain-finding = { $n }. { $decision }. { $reason_text }
report-explain-evidence = {"   "}Dokumentation: { $evidence }
report-explain-clause = {"   "}Grundlag i udbudsmaterialet: { $source }
report-explain-clause-text = {"   "}»{ $text }«
report-explain-warning = Bemærkning: { $item }
report-explain-line-band = Prislinje { $name }, prisinterval { $band }
report-explain-line = Prislinje { $name }: { $band }
report-explain-step = {"  "}{ $n }. { $step }
report-explain-written = Prisen i tilbuddet: { $price }
report-explain-no-price = Tilbuddet angiver ingen pris på denne prislinje
report-explain-evaluated = Evalueret pris: { $price }
report-explain-adjust-whole-kroner = { $step }
report-explain-adjust-raise = { $step }
report-explain-adjust-lower = { $step }
report-explain-adjust-missing = { $step }
report-explain-adjust-other = { $step }
report-explain-money-no-points = {"  "}Prisen giver ikke point med pengemodellen { $name }: den indgår i evalueringsprisen nedenfor.
report-explain-model = Prismodel { $name } ({ $context }):
report-explain-anchors = lineært mellem ankerpunkterne { $p0 } → { $s0 } point og { $p1 } → { $s1 } point
report-explain-fixed-anchors = prisen ligger på eller uden for det første eller sidste ankerpunkt
report-explain-field = sammenlignet med den laveste pris { $lowest } og den højeste pris { $highest } blandt de vurderede tilbud
report-explain-flat = pointene ved ankerpunktet { $amount }
report-explain-zero-lowest = den laveste pris er 0, så formlen har ingen bredde: { $max } point ved 0, 0 point over 0
report-explain-below-zero = , under 0, altså 0
report-explain-far-below-zero = , langt under 0, altså 0
report-explain-below-range = : under det laveste tal, der kan regnes nøjagtigt med
report-explain-28-digits = (divisionen går ikke op: resultatet er afrundet til 28 betydende cifre)
report-explain-rounded-to = afrundet { $mode } til { $decimals } decimaler
report-explain-not-rounded = ikke afrundet
report-explain-points = { $rounding }: { $points } point
report-explain-weights = Point × andel af den samlede vurdering = vægtede point (andelen er produktet af vægtene fra øverste niveau ned til kriteriet):
report-explain-criterion = { $indent }{ $name } ({ $weight } %): { $points } point{ $how }; × { $share } = { $weighted }
report-explain-from-price = fra prislinjen ovenfor
report-explain-quality = evaluatorernes point
report-explain-quality-scale = evaluatorernes point på skalaen { $min }–{ $max }
report-explain-mapped = , { $given } dér, omregnet lineært til udbuddets skala { $min }–{ $max }: { $calc }
report-explain-descriptor = , trin { $points }: { $text }
report-explain-panel = ; evaluatorerne { $each }, gennemsnit { $mean }
report-explain-consensus = ; begrundelse for konsensus: { $reason }
report-explain-total = Samlet vurdering = { $leaves } = { $exact } ({ $rounding }; den kan ligge fra { $low } til { $high } point)
report-explain-total-exact = den nøjagtige sum; udbudsmaterialet afrunder ikke den samlede vurdering
report-explain-total-rounded = den nøjagtige sum afrundet { $mode } til { $decimals } decimaler, som udbudsmaterialet foreskriver: { $total }
report-explain-rank = Nr. { $rank } af { $ranked } rangerede tilbud.
report-explain-rank-shared = Nr. { $rank } af { $ranked } rangerede tilbud, delt med { $others_listed }: { $money ->
        [yes] evalueringspriserne
       *[other] de samlede vurderinger
    } er nøjagtig ens, og { $tiebreak ->
        [yes] pointene på kriterierne i reglen for ligestilling ({ $criteria }) er også ens, så reglen adskiller dem ikke.
       *[other] udbudsmaterialet fastsætter ingen regel for ligestilling.
    }
report-explain-rank-split = Nr. { $rank } af { $ranked } rangerede tilbud: { $money ->
        [yes] evalueringsprisen
       *[other] den samlede vurdering
    } er nøjagtig den samme som for { $others_listed }; placeringen følger af reglen for ligestilling ({ $criteria }).
report-explain-quality-points = Kvalitetspoint (vægtene inden for kvaliteten bestemmer Q):
report-explain-quality-line = {"  "}{ $name }: { $points } point{ $how }
report-explain-q = Q = ({ $terms }) / { $shares } = { $q } af Qmax { $qmax }
report-explain-evaluation-price = Evalueringspris, P = { $composed }{ $price }:
report-explain-money-formula = {"     "}{ $formula } = { $exact }{ $note }; { $rounding }: { $amount } (laveste evalueringspris vinder)

## rounds og rescore: hvad der er ændret fra én runde eller version til den næste
report-cmp-line = { $winner }; { $ranking }{ $award }
report-cmp-winner-changed = VINDEREN ER ÆNDRET fra { $before } til { $after }
report-cmp-winner-same = vinderen er uændret ({ $after })
report-cmp-ranking-changed = rangordenen er ændret
report-cmp-ranking-same = rangordenen er uændret
report-cmp-award-same = ; tildelingen er uændret ({ $after })
report-cmp-award-changed = ; TILDELINGEN ER ÆNDRET fra { $before } til { $after }
report-cmp-no-change = Intet tilbud er ændret.
report-col-field = Felt
report-col-before = Før
report-col-after = Efter
report-field-round = runde
report-field-status = status
report-field-rank = placering
report-field-award = tildeling
report-field-share = andel (%)
report-field-volume = mængde
report-field-total = samlet vurdering
report-field-evaluation-price = evalueringspris
report-field-evaluated = { $name }: evalueret pris
report-field-points = { $name }: point
report-value-ranked = rangeret
report-value-rejected = afvist
report-value-review = til afklaring
report-value-awarded = tildelt
report-value-not-awarded = ikke tildelt
report-value-tied-at-boundary = lige point ved grænsen
report-value-lot-limit = ikke tildelt (begrænsning i antal delaftaler)
report-rounds-title = Udbud { $id }{ $lot }: { $title }
report-rounds-lot = , delkontrakt { $lot }
report-rounds-intro = Alle runder er evalueret efter version { $version } af udbudsmaterialet; runde { $latest } af { $final } er den seneste runde med tilbud ({ $state }).
report-rounds-one = Udbuddet har kun én runde: der er intet at sammenligne.
report-rounds-initial-only = Der er indtil videre kun afgivet indledende tilbud: der er intet at sammenligne.
report-rounds-step = Runde { $from } → { $to } ({ $name }, frist { $at }): { $line }
report-rounds-none-revised = Der er ikke afgivet reviderede tilbud i runde { $round }: alle tilbudsgivere er bundet af deres seneste tilbud.
report-rounds-revised = Reviderede tilbud i runde { $round }: { $bids_listed }; de øvrige tilbudsgivere er bundet af deres seneste tilbud.

## rescore: every version of every tender after its rettelsesblade
report-rescore-title = Genberegning efter rettelsesblade
report-rescore-summary = { $tenders } udbud, { $versions ->
        [one] 1 version
       *[other] { $versions } versioner
    } evalueret: vinderen er ændret i { $winner }, tildelingen er ændret i { $award }, rangordenen er ændret i { $ranking }, markeret af den juridiske kontrol: { $flagged }.
report-rescore-failed = { $failed } udbud kunne ikke evalueres på grund af fejl i udbudsmaterialet eller tilbuddene; fejlene er vist særskilt.
report-rescore-winner-changed = Vinderen er ændret ({ $count }):
report-rescore-award-changed = Tildelingen er ændret ({ $count }):
report-rescore-ranking-changed = Rangordenen er ændret ({ $count }):
report-rescore-flagged = Markeret af den juridiske kontrol ({ $count }):
report-rescore-tender = Udbud { $id }{ $lot }: { $title }, { $versions ->
        [one] 1 version
       *[other] { $versions } versioner
    }
report-rescore-no-rettelsesblade = Ingen rettelsesblade: kun udbudsmaterialet som offentliggjort (version 0).
report-rescore-step = Version { $from } → { $to } (rettelsesblad nr. { $number } af { $date }: { $title }): { $line }
report-rescore-step-unnamed = Version { $from } → { $to }: { $line }

## the evidence of a finding in words (never the bid file or its keys)
evidence-declaration = Tilbudsgiverens erklæring om forbehold: { $answer }
evidence-declared-yes = »JA« afkrydset
evidence-declared-no = »NEJ« afkrydset
evidence-declared-both = både »JA« og »NEJ« afkrydset
evidence-declared-neither = hverken »JA« eller »NEJ« afkrydset
evidence-bid-says-at = Tilbuddet ({ $place }): „{ $text }“
evidence-bid-says = Tilbuddet: „{ $text }“
evidence-evaluators-note = Evaluatorernes notat: { $text }
evidence-solutions = Antal løsningsbeskrivelser i tilbuddet: { $count }
evidence-received = Tilbuddet er modtaget { $at }
evidence-cvr = CVR-nr. { $cvr } ({ $bidder })
evidence-weighted-quality = Vægtet kvalitet: { $got } af { $best } point
evidence-points = { $name }: { $points } point
evidence-no-price = { $name }: ingen pris angivet
evidence-price = { $name }: tilbudt pris { $price }
evidence-as-written = „{ $text }“

## the score table at a narrow terminal: criteria's columns by letter
report-col-legend = Kolonner: { $list }
report-col-legend-item = { $letter } { $column }

## hvad et rettelsesblad har ændret, i ord (aldrig felternes navne)
change-weight = vægten af »{ $name }«
change-min = mindsteprisen for »{ $name }«
change-max = maksimalprisen for »{ $name }«
change-target = målprisen for »{ $name }«
change-unit = prisenheden for »{ $name }«
change-scale-of = pointskalaen for »{ $name }«
change-length-limit-of = længdegrænsen for beskrivelsen til »{ $name }«
change-criterion = kriteriet »{ $name }«
change-criteria = kriterierne
change-model = prismodellen
change-volumes = de forventede mængder, som prislinjerne vægtes efter
change-price-rules = prisreglerne
change-scale = pointskalaen for kvaliteten
change-quality = kravene til kvaliteten
change-length-limit = længdegrænsen for løsningsbeskrivelsen
change-conformity = reglerne for, hvornår et tilbud ikke indgår i evalueringen
change-total-rounding = afrundingen af den samlede vurdering
change-tie-break = reglen for ligestilling
change-requirements = mindstekravene
change-award = tildelingen
change-lots = delkontrakterne
change-lot-limit = begrænsningen i antal delkontrakter
change-rounds = forhandlingsrunderne
change-contract = kontraktens vilkår
change-currency = valutaen
change-other = udbudsmaterialet i øvrigt
table-cut = (forkortet: { $count } tegn i alt; Markdown- og JSON-rapporten indeholder hele teksten)
