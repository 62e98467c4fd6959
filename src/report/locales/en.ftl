# English: the texts of documents (the evaluation memo). Numbers, amounts and dates come
# in formatted ($ variables are always text, except counts).

memo-title = Evaluation memo
memo-subtitle = { $tender }
meta-authority = Contracting authority
meta-tender = Tender
meta-reference = Tender id
meta-deadline = Submission deadline
meta-basis = Basis
version-published = The tender documents as published; no rettelsesblad (correction notice) has been issued.
version-amended = The tender documents as amended by the rettelsesblade (correction notices) below.
version-not-latest = Note: this evaluation is not based on the version of the tender documents in force.
meta-round = Negotiation round
round-value = Round { $number } of { $of }: { $name }, deadline { $deadline }
round-initial = Initial bids
round-not-final = Note: this evaluation rests on the bids of round { $number } of { $of }. Only the bids of the final round are the basis of the award.
round-standing = Bidders that handed in no revised bid in round { $round } stand by their latest bid: { $bids }.
round-standing-bid = { $bidder } (round { $round })
rettelsesblad-item = Rettelsesblad no. { $number } of { $date }: { $title }

section-model = The evaluation model
model-intro = The award criterion is the best price-quality ratio. Bids are evaluated on the following criteria and sub-criteria:
col-criterion = Criterion
col-kind = Kind
col-weight = Weight
col-share = Share of the total
col-share-q = Share of the quality score Q
kind-quality = Quality
kind-price = Price
kind-group = Group
price-model = Prices are turned into points as follows: { $formula }.
price-rounding-to = Points are rounded { $mode } to { $decimals } decimals.
price-rounding-none = Points are not rounded.
money-model = Bids are ranked by an evaluation price in which quality is converted into money: { $formula }, where P is the price, Q the weighted mean of the quality points and Qmax the maximum of the scale. The lowest evaluation price wins.
money-rounding-to = The evaluation price is rounded { $mode } to { $decimals } decimals.
money-rounding-none = The evaluation price is not rounded.
mode-half-up = half up
mode-half-even = half to even
mode-up = up
mode-down = down
band-line = { $name }: minimum price { $min }, maximum price { $max } per { $unit }.
band-none = { $name }: price per { $unit }; no price band is set.
rules-title = Price rules
rule-whole-kroner = Prices with øre are rounded { $mode } to whole kroner.
rule-below-raise = A price below the minimum is set to the minimum; the bidder is bound by it.
rule-below-reject = A bid with a price below the minimum is rejected.
rule-above-lower = A price above the maximum is set to the maximum; the bidder is bound by it.
rule-above-reject = A bid with a price above the maximum is rejected.
rule-missing-max = Where no price is given, the maximum price is used.
rule-missing-reject = A bid without a price on a price line is rejected.
clause-ref = ({ $source })
scale-line = Quality is assessed on a scale from { $min } to { $max } points.
scale-step = { $points } points: { $text }
tie-none = Bids with the same total share a rank; the tender documents set no tie-break.
tie-chain = Bids with equal totals are ranked by the higher weighted points on { $chain }.
money-tie-none = Bids with the same evaluation price share a rank; the tender documents set no tie-break.

method-anchors = linear between the anchors ({ $anchors }); a price beyond the first or last anchor earns that anchor's points
method-relative = { $formula }, where P is the price and Plow the lowest price; { $floor }
floor-zero = points are never negative
floor-none = points may be negative
method-proportional = { $formula }, where P is the price and Plow the lowest price
method-lowest-to-highest = { $formula }, where P is the price, and Plow and Phigh the lowest and highest price
anchor-min = the minimum price
anchor-max = the maximum price
anchor-target = the target price
anchor-target-change = the target price { $change } %
anchor-point = { $price }: { $points } points
list-and = { $first } and { $last }

section-result = Result
result-intro = { $ranked } bids have been evaluated and ranked. { $set_aside } bids are not part of the evaluation (see the section on bids not evaluated).
col-rank = Rank
col-bidder = Bidder
col-total = Total
col-evaluation-price = Evaluation price
col-points = points
col-weighted = weighted
chart-weighted-title = Weighted points per bidder
chart-price-title = Price and points: { $name }
chart-axis-points = Points
chart-axis-price = Price ({ $unit })
chart-model = The model
chart-bids = Bids

section-adjustments = Price adjustments
adjust-item = { $bidder }, { $line }: { $step }
adjust-step = { $from } → { $to }, { $rule }
adj-whole-kroner = øre rounded to whole kroner
adj-raise = raised to the minimum price
adj-lower = lowered to the maximum price
adj-missing = missing price set to the maximum price
no-adjustments = No price was adjusted.

section-ties = Ties
tie-item = { $bidders } are level at { $total } and share rank { $rank }.
tie-broken = { $bidders } have the same total, { $total }, and are ranked by the tie-break.
no-ties = No bids are level.

section-set-aside = Bids not evaluated
no-set-aside = Every bid received is part of the evaluation.
decision-rejected = Rejected as non-compliant
decision-rejected-other = Rejected
decision-review = For clarification: not evaluated until the authority has decided
evidence = Evidence: { $evidence }
clause = Basis in the tender documents: { $source }
resolution-accepted = On { $date } the authority accepted the matter ({ $by }): { $reason }
resolution-rejected = On { $date } the authority rejected the bid ({ $by }): { $reason }
reason-declared-reservation = The bidder's declaration states that the solution description contains reservations (“YES” ticked). The solution description has therefore not been read.
reason-found-reservation = The evaluators found a reservation against the tender documents ({ $deviates }).
reason-citizen-reservation = The evaluators found a reservation about which citizens the bidder will accept.
reason-alternative-bid = The bidder submitted { $count } solution descriptions, an alternative bid.
reason-late-bid = The bid was received { $when }, { $late } after the submission deadline.
reason-unclear-declaration = The reservation declaration is unclear: either neither “YES” nor “NO” is ticked, or both are.
reason-quality-threshold = The bid does not reach the minimum quality the tender documents require.
reason-price-below-minimum = A price lies below the minimum price.
reason-price-above-maximum = A price lies above the maximum price.
reason-missing-price = The bid does not give a price on every price line.
reason-duplicate-bid = The same bidder submitted more than one bid.
reason-abnormally-low-price = The price lies so far below the other bids' prices that the tender's test finds it abnormally low. The authority must ask the bidder to explain the price (section 169 of the Danish Public Procurement Act) before the bid can be ranked; it is not rejected for this alone.
reason-requirement-not-met = The bid does not meet the minimum requirement: “{ $requirement }”.
reason-other = { $reason }
minutes-late = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
days = { $n ->
    [one] 1 day
   *[other] { $n } days
}

section-legal = Legal notes
legal-proportional = The proportional model compresses the scale (twice the lowest price still earns half the points), so price weighs less than its stated weight; Klagenævnet for Udbud criticised it (RenoNorden v Skive Kommune, 2011).
legal-relative = Points depend on the other bids' prices, so adding or removing one bid can reverse the order of two others; the evaluation has been checked for this for every bid.
legal-floor-raise = A price floor: prices below the minimum are raised to it and earn no more points than the minimum. A Swedish supreme administrative court struck down a model that gave no credit below a price level (HFD 2022 ref. 41); a Danish case upheld rejecting bids below a required minimum instead (AKB København, 2021). The tender documents must state the choice.
legal-floor-anchor = A price floor: prices below the model's first anchor earn no more points than that anchor. A Swedish supreme administrative court struck down a model that gave no credit below a price level (HFD 2022 ref. 41); a Danish case upheld rejecting bids below a required minimum instead (AKB København, 2021). The tender documents must state the choice.
legal-flag-before = Rettelsesblad no. { $number } of { $date } changes the evaluation ({ $paths }) { $days } before the submission deadline, less than 6 days. This may require a new deadline or a new tender.
legal-flag-after = Rettelsesblad no. { $number } of { $date } changes the evaluation ({ $paths }) { $days } after the submission deadline. This may require a new deadline or a new tender.
reversal-item = The order depends on a third bid: with every bid, { $first } ranks { $with_all } { $second }; without { $removed }, { $first } would rank { $without } { $second }.
reversal-more = Without { $removed }, { $pairs } pairs of bids change order in all; the { $listed } pairs ranked highest are listed above.
place-ahead = above
place-behind = below
place-equal = level with
no-legal = No notes.

section-inputs = Data
inputs-intro = The evaluation was computed with { $tool } from the files below. The checksum (SHA-256) shows that exactly these files were used.
col-file = File
col-role = Content
col-sha = SHA-256
role-tender = Tender documents
role-model = Price model
role-bid = Bid
role-rettelsesblad = Rettelsesblad
role-decisions = Authority's decisions

section-signoff = Approval
signoff-evaluators = Evaluators
signoff-approver = Approved by
signoff-name = Name
signoff-date = Date
signoff-signature = Signature

letter-title = Notice of award decision
letter-to = To
letter-re = Regarding
letter-sent = Sent
letter-decision = { $authority } has decided to award the contract to { $winner }.
letter-decision-you = { $authority } has decided to award the contract to you. Your bid is the most economically advantageous.
letter-rank = Your bid ranks { $rank } of { $count } bids evaluated.
letter-compare-intro = Your points and the winning bid's points per criterion:
letter-own-points = Your points per criterion:
col-yours = Your bid
col-winner = The winning bid
letter-advantages = The characteristics and relative advantages of the winning bid:
letter-decision-award = { $authority } has decided to award { $what } to { $list }.
letter-award-you = You are awarded { $what } on { $places }.
letter-compare-intro-last = Your points and those of { $bidder }, the lowest-placed bid awarded, per criterion:
col-last-awarded = Lowest-placed bid awarded
letter-advantages-last = The characteristics and relative advantages of the lowest-placed bid awarded:
letter-your-advantages = Where your bid did better:
adv-more = { $who ->
    [last] The lowest-placed bid awarded
   *[winner] The winning bid
} earned more points than yours on { $criterion } ({ $winner } against { $yours }).
adv-less = Your bid earned more points than { $who ->
    [last] the lowest-placed bid awarded
   *[winner] the winning bid
} on { $criterion } ({ $yours } against { $winner }).
adv-price-lower = { $who ->
    [last] The lowest-placed bid awarded
   *[winner] The winning bid
} has the lower price on the price line “{ $line }” ({ $winner } against your { $yours }).
adv-price-higher = Your bid has the lower price on the price line “{ $line }” ({ $yours } against { $who ->
    [last] the lowest-placed awarded bid's
   *[winner] the winning bid's
} { $winner }).
adv-total = In total { $who ->
    [last] the lowest-placed bid awarded
   *[winner] the winning bid
} earned { $winner } against your { $yours }.
adv-total-money = { $who ->
    [last] The lowest-placed awarded bid's
   *[winner] The winning bid's
} evaluation price is { $winner } against your { $yours }.
adv-none = { $who ->
    [last] The lowest-placed bid awarded
   *[winner] The winning bid
} and yours earned the same points; the order follows the tie-break.
letter-set-aside = Your bid is not part of the evaluation for the following reasons:
letter-standstill = The contract will not be concluded before the standstill period of { $days } has expired. The period runs from the day after this notice was sent and ends at the end of { $end } (a period that would end on a Saturday, Sunday or public holiday ends on the next working day).
letter-closing = Yours sincerely

publish-title = Evaluation model
publish-intro = Bids are evaluated by the following model. The tables show the points a price earns, so bidders can compute their own price points.
publish-example = Example: { $name }
publish-example-relative = Example: { $name }, when the lowest price is { $lowest } and the highest { $highest }
col-price = Price
col-percent-of-lowest = Against the lowest price
col-price-points = Points
publish-no-example = { $name }: points depend on the other bids' prices; no price band is set to show an example on.

sheet-ranking = Ranking
sheet-prices = Prices
sheet-set-aside = Set aside
col-submitted = submitted
col-evaluated = evaluated
col-decision = Decision
col-rule = Rule
col-reason = Reason
col-clause = Clause
xlsx-values-note = Points are values, not formulas: Excel has no half-to-even rounding, or the price lines are combined by expected volumes.

section-decisions = The authority's decisions
decision-item-accepted = { $bidder }: { $rule } – accepted on { $date } by { $by }: { $reason }
decision-item-rejected = { $bidder }: { $rule } – rejected on { $date } by { $by }: { $reason }
section-warnings = Notes on the bids
warning-length-limit = { $bidder }: the solution description runs to { $written } characters, { $beyond } beyond its limit of { $limit } characters ({ $pages } { $n ->
    [one] page
   *[other] pages
} of { $characters } characters); what lies beyond the limit was not read and does not count.
warning-length-limit-criterion = { $bidder }: the description for “{ $criterion }” runs to { $written } characters, { $beyond } beyond its limit of { $limit } characters ({ $pages } { $n ->
    [one] page
   *[other] pages
} of { $characters } characters); what lies beyond the limit was not read and does not count.
warning-evaluator-disagreement = { $bidder }: the evaluators' points on “{ $criterion }” range from { $lowest } to { $highest }, { $spread } points apart, while the tender documents allow a difference of at most { $allowed } points; { $reasoned ->
    [yes] the reason for the consensus is given in the evaluation.
   *[other] no reason is given for the consensus.
}
warning-requirement-corrected = { $bidder }: the bid does not meet the minimum requirement “{ $requirement }” ({ $evidence }). Under the tender's rule the bid is read as meeting it, and the bidder is bound by it.
effective-weights = The criteria's points range differently, so their real shares of the spread of totals are: { $list }.
effective-weight-item = { $name } { $effective } % (stated { $stated } %)
section-recommendation = Recommendation
recommendation = The evaluation recommends awarding the contract to { $winner }, which submitted the most economically advantageous bid.
recommendation-none = No award can be recommended yet: { $why }.
why-round = the evaluation does not rest on the bids of the final negotiation round
award-what = the framework agreement
award-what-lot = “{ $lot }”
award-recommendation = The evaluation recommends that { $what } be awarded to { $list }.
award-item = { $bidder } ({ $places }{ $allocation })
award-place = place { $n }
award-places = places { $first }–{ $last }
award-allocation-volume = , { $volume } { $unit }, that is { $share } %
award-allocation-share = , { $share } % of the work
award-tied = The bids of { $bidders } are tied on { $places } at the boundary of the number of suppliers. The evaluation model does not decide who is awarded { $places }; the authority must decide.
award-unfilled = There are too few bids that can be awarded to fill { $places }.
award-lot-limit = { $bidder } is not awarded this lot: the bidder is already awarded the most lots one bidder may be awarded.
why-tie = several bids share the first place
why-review = the authority has yet to decide on one or more bids
why-none = no bid was evaluated

no-decisions = The authority has made no decisions on bids for clarification.
no-warnings = No notes.
quality-min-per-criterion = A bid must earn at least { $percent } % of the possible points on every quality criterion, or it is not evaluated.
quality-min-total = A bid must earn at least { $percent } % of the possible quality points in total, or it is not evaluated.
conformity-title = What keeps a bid out of the evaluation:
conformity-rule-reject = { $rule }: the bid is rejected.
conformity-rule-review = { $rule }: the bid is not evaluated until the authority has decided.
length-limit-rule = The solution description may run to at most { $pages } { $n ->
    [one] page
   *[other] pages
} of { $characters } characters; what lies beyond is not read.
length-limit-criterion-rule = The description for “{ $criterion }” may run to at most { $pages } { $n ->
    [one] page
   *[other] pages
} of { $characters } characters; what lies beyond is not read.
requirement-rule-reject = Minimum requirement: “{ $text }”. A bid that does not meet it is rejected.
requirement-rule-review = Minimum requirement: “{ $text }”. A bid that does not meet it is not evaluated until the authority has decided.
requirement-rule-correct = Minimum requirement: “{ $text }”. A bid that does not meet it is read as meeting it, and the bidder is bound by it.

rulename-declared-reservation = A reservation declared in the declaration (“YES” ticked)
rulename-found-reservation = A reservation the evaluators find when reading
rulename-citizen-reservation = A reservation about which citizens the bidder will accept
rulename-alternative-bid = An alternative bid (more than one solution description)
rulename-late-bid = A bid received after the submission deadline
rulename-unclear-declaration = An unclear declaration (neither or both boxes ticked)
rulename-quality-threshold = The minimum quality not reached
rulename-price-below-minimum = A price below the minimum
rulename-price-above-maximum = A price above the maximum
rulename-missing-price = A missing price
rulename-duplicate-bid = Several bids from one bidder
rulename-evaluator-disagreement = Evaluators disagreeing
rulename-length-limit = A solution description that is too long
rulename-abnormally-low-price = Abnormally low price (section 169 of the Danish Public Procurement Act)
rulename-requirement-not-met = Minimum requirement not met

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date = { $day } { $month } { $year }
datetime = { $day } { $month } { $year } at { $time }

# Settlement of orders (payments) and price indexation (index).
pay-title = Settlement of orders: { $tender }
pay-scope = Period: { $month }
pay-all-months = every month
pay-through = Paid through { $date }
pay-supplier = Supplier: { $bidder } ({ $id })
col-order = Order
col-citizen = Citizen
col-line = Price line
col-month = Month
col-weekdays = Weekdays
col-calculation = Calculation
col-amount = Amount
pay-calc-days = { $days } { $days ->
    [one] weekday
   *[other] weekdays
} × { $price }
pay-calc-hours = { $hours } hours × { $price } × { $days } / { $ordered } weekdays
pay-calc-through = through { $days } weekdays in all { $exact } → { $through }, of which paid before { $before }
pay-month-total = Total { $month }: { $amount } ({ $orders } { $orders ->
    [one] order
   *[other] orders
})
pay-total = Total: { $amount }
pay-prices = Prices
pay-price = { $bidder }, { $line }: { $price }
pay-price-bound = ; bound at the evaluation: { $from } → { $to }, { $rule }
pay-no-price = no price
pay-price-from = ; from { $date }: { $price }
pay-rules = Rules
pay-no-days-off = no days
pay-rule-weekdays = Weekdays: Monday to Friday except { $excluded }{ $source }.
pay-rule-basis-weekday = { $line }: day price × completed weekdays{ $source }.
pay-rule-basis-hour = { $line }: hour price × ordered hours ÷ ordered weekdays × completed weekdays{ $source }.
pay-rule-rounding = Amounts are rounded { $mode } to { $decimals } decimals.
pay-rule-rounding-default = Amounts are rounded to whole øre, half up; the contract states no rounding rule.
pay-rule-month = A month is paid the order's amount through the month's last day less the amount through the month before, so an order's months add up to exactly its rounded amount.
pay-rule-cancellation = An order may be cancelled without charge until { $days } { $days ->
    [one] day
   *[other] days
} before its start{ $source }.
pay-rule-index-order-date = Prices are adjusted by { $index }: only the part of a yearly rise above { $threshold } % is added; a fall is passed on, but never below the prices bid. An order is paid at the prices in force when it was placed{ $source }.
pay-rule-index-delivery-date = Prices are adjusted by { $index }: only the part of a yearly rise above { $threshold } % is added; a fall is passed on, but never below the prices bid. Each weekday is paid at the price in force that day{ $source }.
pay-order-note = Order { $order }: { $course }
pay-course-completed = { $days } { $days ->
    [one] weekday
   *[other] weekdays
} completed, through { $date }.
pay-supplier-total = Total for { $bidder }: { $amount }
pay-course-none = no weekday completed; nothing is paid.
pay-course-stopped = stopped on { $date }; paid through that day.
pay-course-cancelled = cancelled on { $date } before its start; nothing is paid.
dayoff-public-holidays = public holidays
dayoff-christmas-eve = Christmas Eve
dayoff-new-years-eve = New Year's Eve
dayoff-constitution-day = Constitution Day
index-title = Price indexation: { $tender }
index-change-exact = The index's yearly change is used exactly.
index-change-rounded = The index's yearly change is rounded { $mode } to { $decimals } { $decimals ->
    [one] decimal
   *[other] decimals
}.
index-price-rounded = Adjusted prices are rounded { $mode } to { $decimals } { $decimals ->
    [one] decimal
   *[other] decimals
}.
col-effective = In force from
col-periods = Period
col-index = Index
col-change = Change
col-passed-on = Passed on
index-change = { $change } %
index-change-used = { $change } %, rounded { $used } %
index-rise-above = { $passed } % (the rise above the threshold)
index-rise-within = 0 % (the rise is within the threshold)
index-fall = { $passed } % (the fall is passed on)
index-price-calc = { $before } × { $factor } % = { $computed } → { $rounded }
index-floored = , below the price bid: { $price }
index-unknown-no-file = not known: the index for { $from } and { $to } is not given
index-unknown-missing = not known: the index for { $period } is not given
index-unknown-earlier = not known, since the adjustment of { $date } is not known
index-unknown-too-large = not known: the price grows too large to compute exactly
index-adjustments = Adjustments
index-prices = Prices
index-as-bid = bid

## whatif
whatif-title = What if: { $tender }
whatif-version-latest = Version { $version }: the tender documents in force.
whatif-version-earlier = Version { $version }: not the tender documents in force.
whatif-units-points = Margins are points of the total score; at a margin of 0 two bids are level, and the tender's tie-break (if any) decides between them.
whatif-units-money = Bids are ranked by evaluation price, lowest first; a margin is the other bid's evaluation price minus this bid's.
whatif-grid-whole = Prices are evaluated prices after the price rules, in whole kroner, as the price rules round them.
whatif-grid-ore = Prices are evaluated prices after the price rules, in øre.
whatif-abnormally-low = The tender's test of abnormally low prices is not applied to the prices below: a price that low may need the bidder's explanation (section 169 of the Danish Public Procurement Act) before the bid can be ranked.
whatif-held = Each answer changes one price or one score at a time; every other price and point is held.
whatif-held-relative = Each answer changes one price or one score at a time. Under this price model the other bids' price points depend on the lowest price, so they move when a bid becomes the cheapest; that is taken into account.
whatif-role-shared = sharing rank 1
whatif-points-tie-below = at least { $tie } (level there); in whole points { $points } ({ $margin } there)
whatif-range-none = changes at any other weight
whatif-no-ranked = No bid is ranked, so there is nothing to compare.
whatif-points = { $points } points
whatif-set-aside = the bid would be set aside
whatif-versus = { $bidder } (rank { $rank }) against { $other }, { $role }
whatif-role-above = the bid ranked above
whatif-role-winner = the winner
whatif-role-runner-up = the runner-up
whatif-margin-now = Margin now: { $margin }.
whatif-col-criterion = Criterion
whatif-col-now = Now
whatif-col-level-behind = To stand level or ahead (each alone)
whatif-col-level-ahead = To stay level or ahead (each alone)
whatif-price-any = any price in the band, up to { $highest } ({ $margin } there)
whatif-price-tie = at most { $price }: an exact tie there
whatif-price-at-most = at most { $price } ({ $margin } there)
whatif-price-next = ; at { $next }: { $margin }
whatif-price-tie-between = ; an exact tie at { $tie }
whatif-price-tie-between-kroner = ; an exact tie only at { $tie }, not a whole krone
whatif-price-never = no price in the band: at the minimum { $lowest } still { $margin }
whatif-all-lowest = With every price line at the minimum of its band: { $margin }.
whatif-points-already = level or ahead already
whatif-points-at-least = at least { $points } ({ $margin } there)
whatif-points-tie = at least { $points }: level there
whatif-points-never = no points on the scale: at { $highest } still { $margin }
whatif-weights = Weights
whatif-weights-intro = The weight of each criterion among the criteria on its level, which share the rest in proportion to their weights; prices and points held. At a bound two bids are level; bounds are shown rounded inwards.
whatif-col-weight = Weight
whatif-col-winner = Winner stays
whatif-col-ranking = Ranking stays (bounds excluded)
whatif-nearest = { $criterion }: at { $weight }, { $delta } percentage points from the stated { $stated }, { $bidder } stands level with the winner.
whatif-nearest-none = No weight of any one criterion from 0 % to 100 % changes the winner.
whatif-spread = Spread per criterion
whatif-spread-intro = The spread of each criterion's weighted points among the ranked bids (highest less lowest), and its share of the spread of all criteria, beside its stated share of the total.
whatif-spread-money = Under a money model bids are ranked by evaluation price; there is no spread of weighted points to show.
whatif-spread-rounded = Shares are shown rounded to 2 decimals.
whatif-col-stated = Stated share
whatif-col-spread = Spread (points)
whatif-col-effective = Share of spread
whatif-spread-low = { $criterion } decided { $effective } of the spread among the ranked bids, less than a tenth of its stated share { $stated }: its band is narrow or its model compresses the points.
scenario-title = Scenario: { $tender }
scenario-edits = Changes, in this calculation only (no file is changed)
scenario-edit-price = { $bid }: the price on { $line } is { $price }
scenario-edit-points = { $bid }: the points on { $criterion } are { $points }
scenario-edit-weight = { $criterion } weighs { $weight } among the criteria on its level, which share the rest in proportion
scenario-edit-accept = { $bid }: the authority accepts the bid despite the finding { $rule }
scenario-edit-reject = { $bid }: the authority rejects the bid for the finding { $rule }
scenario-winner-same = The winner is the same: { $bidder }.
scenario-winner-changed = The winner changes: { $before } → { $after }.
scenario-col-rank-before = Rank
scenario-col-total-before = Total
scenario-col-rank-after = Rank (scenario)
scenario-col-total-after = Total (scenario)
scenario-rejected = rejected
scenario-review = review
scenario-nothing-written = A scenario is not an evaluation: the bids and the tender documents are as they were.
simulate-title = Simulation: { $tender }
simulate-settings = { $runs } runs of { $bids } random bids each (seed { $seed }): prices drawn evenly in steps of { $step } from { $spread } % of the band's width below its minimum to as far above its maximum (the price rules correct them as for real bids), quality points evenly in whole points of each scale. Every run is scored exactly.
simulate-price-decided = Price changed the winner in { $changed } of { $runs } runs with a ranked bid ({ $share }): the winner was not a bid with the best quality.
simulate-price-effective = Among the ranked bids, price produced on average { $effective } of the spread of weighted points; its stated share is { $stated }.
simulate-reversals = A rank reversal (two bids swapping when a third is removed) occurred in { $reversals } of { $runs } runs ({ $share }).
simulate-reversals-unchecked = Rank reversals are checked only with at most { $most } bids per run.
simulate-table = Price → points: { $line }
simulate-col-price = Price
simulate-col-points = Points

about = about { $n }
letter-not-awarded = You are not awarded { $what }.
letter-lot-limit-you = You are not awarded { $what }, although your bid ranks { $rank }, because you are already awarded the most lots one bidder may be awarded.

## score: the table and Markdown reports (also borrowed by rejections, explain and rounds)
report-evaluated-with = Evaluated with { $tool }.
report-state-latest = the version in force
report-state-earlier = not the latest version
report-version-published = Version 0: the tender as published, no rettelsesblade applied ({ $state })
report-version-amended = Version { $version }: after rettelsesblad { $applied } ({ $state })
report-version-applied = { $number } of { $date } ({ $title })
report-list-join = {"; "}
report-order-names = within a shared rank and among bids set aside, bids are listed by bidder name; this order gives no bid precedence over another.
report-order-none = { $money ->
        [yes] Equal evaluation prices
       *[other] Equal totals
    } share a rank (no tie-break is declared in the tender); { report-order-names }
report-order-chain = { $money ->
        [yes] Equal evaluation prices
       *[other] Equal totals
    } are ordered by the tender's tie-break{ $source }: the higher weighted points on { $chain }; bids equal on all of them share a rank; { report-order-names }
report-chain-join = {", then "}
report-tender = Tender { $id }: { $title }
report-lot = Lot { $id }: { $name }{ $source }
report-round = Round { $round } of { $last }: { $what } ({ $status })
report-round-declared = { $name }, deadline { $at }{ $source }
report-round-initial = the initial bids, deadline { $at }
report-round-final = the final round, whose bids are awarded
report-round-not-final = not the final round: only the final round's bids are awarded
report-authority = Authority: { $authority }; deadline { $at }
report-model = Price model { $name }: { $title }; { $money ->
        [yes] evaluation price
       *[other] points
    } { $rounding }; price lines { $bands }
report-rounding-to = rounded { $mode_name } to { $decimals } decimals
report-rounding-none = not rounded
report-model-file = The price model's checksum (SHA-256): { $sha }
report-model-own = The price model is set in the tender documents themselves
report-range-money = Quality scale { $scale }; bids are ranked by evaluation price, the lowest first: { $formula }, where Q is the weighted mean of the quality points
report-range = Quality scale { $scale }; totals can range from { $low } to { $high }
report-scale-of = Scale of { $name }: { $scale }, mapped linearly onto the tender's scale before weighting
report-band = { $min }–{ $max } { $code } per { $unit }
report-band-none = { $code } per { $unit }, no price band
report-price-band = { $name } { $band }
report-col-rank = Rank
report-col-status = Status
report-status-ranked = ranked
report-status-rejected = rejected
report-status-review = review
report-col-evaluated-price = { $name } (evaluated price)
report-col-share-q = { $name } ({ $percent } % of Q)
report-col-share = { $name } ({ $percent } %)
report-notes = Notes
report-standing = No revised bid in round { $round }; the latest bid stands: { $bids }
report-legal-flag = LEGAL CHECK: { $flag }
report-legal-note = Legal note: { $note }
report-effective-weights = Effective weights: the criteria's points range differently ({ $ranges }), so their shares of the attainable spread of totals are (rounded half-up to 2 decimals): { $list }
report-range-of = { $name } { $low }–{ $high }
report-reversal = RANK REVERSAL: { $first } is { $with_all_id } { $second } with every bid, but { $without_id } without { $removed }
report-reversal-more = RANK REVERSAL: { $item }
report-note = { $bidder }: { $note }
report-price = { $line }: { $steps } → { $points } points
report-price-money = { $line }: { $steps }
report-step = { $step }
report-step-join = {", then "}
report-finding = { $decision }. { $reason_text }{ $more }
report-others-more = { $count } others
report-tie = tie on the { $money ->
        [yes] evaluation price
       *[other] total
    } { $total } with { $others }; they share rank { $rank }
report-tie-broken = the same { $money ->
        [yes] evaluation price
       *[other] total
    } { $total } as { $others }; placed at rank { $rank } by the tie-break
report-award = Award{ $source }: { $suppliers } { $suppliers ->
        [one] supplier
       *[other] suppliers
    } { $how }.
report-award-cascade = in order of rank (cascade)
report-award-equal-volume = in equal shares of { $volume } { $unit }
report-award-equal = in equal shares
report-award-declared-volume = in the declared shares of { $volume } { $unit }
report-award-declared = in the declared shares
report-award-units = units
report-award-place = place { $place }
report-award-places = places { $first }–{ $last } (tied)
report-awarded = Awarded, { $place }: { $bidder }{ $share }
report-awarded-volume = : { $volume } { $unit } ({ $percent } %)
report-awarded-share = : { $percent } % of the work
report-awarded-undecided = : share undecided — tied on places whose shares differ; the authority decides
report-award-tied = Tied at the award boundary for { $count ->
        [one] place
       *[other] places
    } { $places }: { $bids }. The tender's tie-break does not separate them; the authority must decide before these places are awarded.
report-award-bid = { $bidder }
report-award-passed = Passed over by the lot limit: { $bids }: each is awarded as many other lots as the tender allows and keeps those.
report-award-passed-bid = { $bidder } (rank { $rank })
report-award-unfilled = Not filled: { $count ->
        [one] place
       *[other] places
    } { $places } — no ranked bid is left to fill them (fewer bids are ranked, or the lot limit passes bids over).
report-md-title = Evaluation of { $id }
report-set-aside-title = Bids set aside: { $id }
report-set-aside-summary = Tender { $id } (version { $version }, { $latest ->
        [yes] in force
       *[other] not the latest
    }): { $set_aside } of { $bids } bids set aside: { $rejected } rejected, { $review } for review.
report-clause = { $source }: “{ $text }”
report-clause-text = “{ $text }”
report-clause-none = (no clause given in the tender definition)
report-clause-none-short = (none given)
report-col-evidence = Evidence
report-block-line = {"  "}{ $label }: { $text }

## explain: every step of one bid
report-explain-title = Bid of { $bidder } in tender { $id }
report-explain-status = Status: { $status }
report-explain-set-aside = The bid was set aside, so it is neither scored nor ranked:
report-explain-finding = { $n }. { $decision }. { $reason_text }
report-explain-evidence = {"   "}Evidence: { $evidence }
report-explain-clause = {"   "}Clause: { $source }
report-explain-clause-text = {"   "}“{ $text }”
report-explain-warning = Note: { $item }
report-explain-line-band = Price line { $name }, band { $band }
report-explain-line = Price line { $name }: { $band }
report-explain-step = {"  "}{ $n }. { $step }
report-explain-written = As written in the bid: { $price }
report-explain-no-price = The bid gives no price for this line
report-explain-evaluated = Evaluated price: { $price }
report-explain-adjust-whole-kroner = Øre to whole kroner, { $mode }{ $source }: { $from } → { $to }
report-explain-adjust-raise = Below the minimum, raised to it{ $source }: { $from } → { $to }
report-explain-adjust-lower = Above the maximum, lowered to it{ $source }: { $from } → { $to }
report-explain-adjust-missing = Missing price set to the maximum{ $source }: { $to }
report-explain-adjust-other = { $rule_id }{ $source }: { $from } → { $to }
report-explain-money-no-points = {"  "}The price gives no points under money model { $name }: it enters the evaluation price below.
report-explain-model = Model { $name } ({ $context }):
report-explain-anchors = linear between the anchors { $p0 } → { $s0 } points and { $p1 } → { $s1 } points
report-explain-fixed-anchors = fixed anchors
report-explain-field = { $method }, compared with the scored bids' lowest price { $lowest } and highest price { $highest }
report-explain-flat = the points of the anchor at { $price } (flat beyond the outermost anchors)
report-explain-zero-lowest = the lowest price is 0, so the formula has no width: { $max } points at 0, 0 points above it
report-explain-below-zero = , below 0, so 0
report-explain-far-below-zero = , far below 0, so 0
report-explain-below-range = : below the lowest number held exactly
report-explain-28-digits = (the division does not terminate: rounded at 28 significant digits)
report-explain-rounded-to = rounded { $mode_name } to { $decimals } decimals
report-explain-not-rounded = not rounded
report-explain-points = { $rounding }: { $points } points
report-explain-weights = Points × share of the total = weighted points (the share is the product of the weights on the path):
report-explain-criterion = { $indent }{ $name } ({ $weight } %): { $points } points{ $how }; × { $share } = { $weighted }
report-explain-from-price = from the price line above
report-explain-quality = the evaluators' points
report-explain-quality-scale = the evaluators' points on the scale { $min }–{ $max }
report-explain-mapped = , { $given } there, mapped onto the tender's scale { $min }–{ $max }: { $calc }
report-explain-descriptor = , step { $points }: { $text }
report-explain-panel = ; evaluators { $each }, mean { $mean }
report-explain-consensus = ; consensus reason: { $reason }
report-explain-total = Total = { $leaves } = { $exact } ({ $rounding }; possible range { $low } to { $high })
report-explain-total-exact = the exact sum; the tender does not round totals
report-explain-total-rounded = the exact sum, rounded { $mode_name } to { $decimals } decimals as the tender says: { $total }
report-explain-rank = Rank { $rank } of { $ranked } ranked bids.
report-explain-rank-shared = Rank { $rank } of { $ranked } ranked bids, shared with { $others }: the { $money ->
        [yes] evaluation prices
       *[other] totals
    } are exactly equal, and { $tiebreak ->
        [yes] so are the points on the tie-break's criteria ({ $criteria }): the tie-break does not separate them.
       *[other] the tender declares no tie-break.
    }
report-explain-rank-split = Rank { $rank } of { $ranked } ranked bids: the { $money ->
        [yes] evaluation price
       *[other] total
    } is exactly equal to that of { $others }; the tie-break ({ $criteria }) decides the rank.
report-explain-quality-points = Quality points (the weights within quality decide Q):
report-explain-quality-line = {"  "}{ $name }: { $points } points{ $how }
report-explain-q = Q = ({ $terms }) / { $shares } = { $q } of Qmax { $qmax }
report-explain-evaluation-price = Evaluation price ({ $method }), P = { $composed }{ $price }:
report-explain-money-formula = {"     "}{ $formula } = { $exact }{ $note }; { $rounding }: { $value } (the lowest evaluation price wins)

## rounds and rescore: what changed from one round or version to the next
report-cmp-line = { $winner }; { $ranking }{ $award }
report-cmp-winner-changed = WINNER CHANGED from { $before } to { $after }
report-cmp-winner-same = winner unchanged ({ $after })
report-cmp-ranking-changed = ranking changed
report-cmp-ranking-same = ranking unchanged
report-cmp-award-same = ; award unchanged ({ $after })
report-cmp-award-changed = ; AWARD CHANGED from { $before } to { $after }
report-cmp-no-change = No bid changed.
report-col-field = Field
report-col-before = Before
report-col-after = After
report-field-round = round
report-field-status = status
report-field-rank = rank
report-field-award = award
report-field-share = share
report-field-volume = volume
report-field-total = total
report-field-evaluation-price = evaluation price
report-field-evaluated = { $name }: evaluated price
report-field-points = { $name }: points
report-value-ranked = ranked
report-value-rejected = rejected
report-value-review = review
report-value-awarded = awarded
report-value-not-awarded = not-awarded
report-value-tied-at-boundary = tied-at-boundary
report-value-lot-limit = lot-limit
report-rounds-title = Tender { $id }{ $lot }: { $title }
report-rounds-lot = , lot { $lot }
report-rounds-intro = Every round scored under version { $version } of the tender; round { $latest } of { $final } is the latest with bids ({ $state }).
report-rounds-one = The tender has one round: nothing to compare.
report-rounds-initial-only = Only the initial bids so far: nothing to compare.
report-rounds-step = Round { $from } → { $to } ({ $name }, deadline { $at }): { $line }
report-rounds-none-revised = No revised bid in round { $round }: every bid stands as before.
report-rounds-revised = Revised bids in round { $round }: { $bids }; every other bid stands as before.

## rescore: every version of every tender after its rettelsesblade
report-rescore-title = Re-scoring after rettelsesblade
report-rescore-summary = { $tenders } tender(s), { $versions } version(s) scored: winner changed in { $winner }, award changed in { $award }, ranking changed in { $ranking }, flagged by the legal check { $flagged }.
report-rescore-failed = { $failed } tender(s) could not be scored for their problems; they are listed on standard error.
report-rescore-winner-changed = Winner changed ({ $count }):
report-rescore-award-changed = Award changed ({ $count }):
report-rescore-ranking-changed = Ranking changed ({ $count }):
report-rescore-flagged = Legal check flagged ({ $count }):
report-rescore-tender = Tender { $id }{ $lot }: { $title }, { $versions } version(s)
report-rescore-no-rettelsesblade = No rettelsesblade: only version 0.
report-rescore-step = Version { $from } → { $to } (rettelsesblad { $number } of { $date }: { $title }): { $line }
report-rescore-step-unnamed = Version { $from } → { $to }: { $line }

## the evidence of a finding in words (never the bid file or its keys)
evidence-declaration = The bidder's declaration of reservations: { $answer }
evidence-declared-yes = “YES” ticked
evidence-declared-no = “NO” ticked
evidence-declared-both = both “YES” and “NO” ticked
evidence-declared-neither = neither “YES” nor “NO” ticked
evidence-bid-says-at = The bid ({ $place }): “{ $text }”
evidence-bid-says = The bid: “{ $text }”
evidence-evaluators-note = The evaluators' note: { $text }
evidence-solutions = Solution descriptions in the bid: { $count }
evidence-received = The bid was received { $at }
evidence-cvr = CVR no. { $cvr } ({ $bidder })
evidence-weighted-quality = Weighted quality: { $got } of { $best } points
evidence-points = { $name }: { $points } points
evidence-no-price = { $name }: no price given
evidence-price = { $name }: price bid { $price }
evidence-as-written = “{ $text }”

## the score table at a narrow terminal: criteria's columns by letter
report-col-legend = Columns: { $list }
report-col-legend-item = { $letter } { $column }

## what a rettelsesblad changed, in words (never the fields' names)
change-weight = the weight of “{ $name }”
change-min = the minimum price of “{ $name }”
change-max = the maximum price of “{ $name }”
change-target = the target price of “{ $name }”
change-unit = the price unit of “{ $name }”
change-scale-of = the point scale of “{ $name }”
change-length-limit-of = the length limit of the description for “{ $name }”
change-criterion = the criterion “{ $name }”
change-criteria = the criteria
change-model = the price model
change-volumes = the expected volumes that weight the price lines
change-price-rules = the price rules
change-scale = the quality point scale
change-quality = the requirements on quality
change-length-limit = the length limit of the solution description
change-conformity = the rules on when a bid is not evaluated
change-total-rounding = the rounding of the total
change-tie-break = the tie-break
change-requirements = the minimum requirements
change-award = the award
change-lots = the lots
change-lot-limit = the limit on the number of lots
change-rounds = the negotiation rounds
change-contract = the contract terms
change-currency = the currency
change-other = the tender documents otherwise
table-cut = (cut: { $count } characters in all; the Markdown and JSON reports hold the whole text)
