# নাগরিক — বাংলা বার্তা। এখানকার প্রতিটি id en/main.ftl-এও থাকতে হবে।

site-name = নাগরিক
skip-to-content = মূল অংশে যান
nav-label = প্রধান
nav-track = আপনার মতামতের অবস্থা দেখুন
footer-text = নাগরিক নাগরিকদের কথা শোনে, যাতে সরকারি সেবা তাঁদের প্রয়োজন ঘিরে নতুন করে সাজানো যায়। সেবা যাঁরা নতুন করে নকশা করেন, তাঁরাই আপনার মতামত পড়েন।

home-title = কোথায় ভোগান্তি, আমাদের বলুন
home-heading = সরকারি সেবায় কোথায় ভোগান্তি, সরকারকে জানান
home-intro = যে সেবা নিয়েছেন সেটি খুঁজুন, সিটিজেন চার্টারে কী প্রতিশ্রুতি আছে পড়ুন, আর আসলে কী লেগেছে তা আমাদের জানান। সেবা-নকশাকারীরা প্রতিটি মতামত পড়েন।
home-popular = মানুষ সবচেয়ে বেশি যে সেবাগুলো নেন
home-browse = মন্ত্রণালয় অনুযায়ী খুঁজুন
home-track-link = আগে মতামত দিয়েছেন? কোড দিয়ে অবস্থা দেখুন
service-count = { $count }টি সেবা

search-label = সেবা খুঁজুন
search-hint = বাংলা বা ইংরেজিতে নামের অংশ লিখুন, যেমন পাসপোর্ট বা birth
search-button = খুঁজুন
search-title = সেবাসমূহ
search-found = { $count }টি সেবা পাওয়া গেছে
search-none = কোনো সেবা মেলেনি। কম বা ছোট শব্দ দিয়ে চেষ্টা করুন, অথবা প্রথম পাতা থেকে মন্ত্রণালয় অনুযায়ী খুঁজুন।
pager-label = পাতা
pager-prev = আগের পাতা
pager-next = পরের পাতা
pager-position = { $pages } পাতার { $page } নম্বর

charter-heading = সিটিজেন চার্টারে যা প্রতিশ্রুতি দেওয়া আছে
charter-delivery = সেবা প্রদানের পদ্ধতি
charter-fee = ফি
charter-fee-none = উল্লেখ নেই
charter-fee-free = বিনামূল্যে (কোনো ফি নেই)
charter-time = সময়সীমা
charter-not-stated = উল্লেখ নেই
charter-officer = দায়িত্বপ্রাপ্ত কর্মকর্তা
charter-category = ই-সেবা রোডম্যাপ
charter-category-value = অগ্রাধিকার ক্যাটাগরি { $category }
charter-code = সেবা কোড
charter-steps = ধাপসমূহ
charter-documents = প্রয়োজনীয় কাগজপত্র
amount-taka = { $amount } টাকা
amount-days = { $days } দিন
delivery-manual = সশরীরে, কাগজে
delivery-partly-online = আংশিক অনলাইনে
delivery-online = অনলাইনে
service-voices = এই সেবা নিয়ে { $count } জন নাগরিক মতামত দিয়েছেন।

form-heading = মতামত দিন
form-intro = এই সেবা নিয়ে আপনার নিজের অভিজ্ঞতা লিখুন। সেবা উন্নত করতে শুধু লেখা, মতামতের ধরন আর সংখ্যাগুলো ব্যবহার করা হয়; আপনার যোগাযোগের তথ্য কখনো প্রকাশ করা হয় না।
form-error-summary = আপনার মতামতে কিছু সমস্যা আছে
# ফর্মে ভুল থাকলে পাতার শিরোনামের আগে বসে, যাতে স্ক্রিন রিডার ব্যবহারকারীরা প্রথমেই শোনেন।
page-title-error = ত্রুটি:
form-kind = আপনি কী জানাতে চান?
kind-complaint = অভিযোগ
kind-complaint-hint = কিছু ভুল হয়েছে বা খুব দেরি হয়েছে
kind-expectation = প্রত্যাশা
kind-expectation-hint = সেবাটি কেমন হলে ভালো হতো
kind-suggestion = পরামর্শ
kind-suggestion-hint = সেবাটি ভালো করার একটি উপায়
form-text = আপনার মতামত
form-text-hint = { $min } থেকে { $max } অক্ষরের মধ্যে। বাংলা, ইংরেজি বা দুটোই চলবে।
form-step = সেবার কোন ধাপ নিয়ে? (ঐচ্ছিক)
form-step-none = নির্দিষ্ট কোনো ধাপ নয়
form-tcv = আপনার কী খরচ হয়েছে? (ঐচ্ছিক)
form-tcv-hint = পূর্ণ সংখ্যা লিখুন; বাংলা অঙ্কেও লেখা যাবে।
form-days = কত দিন লেগেছে
form-cost = মোট কত টাকা খরচ হয়েছে (ফি, যাতায়াত, সব মিলিয়ে)
form-visits = অফিসে কতবার যেতে হয়েছে
form-district = আপনার জেলা
form-district-choose = জেলা বেছে নিন
form-contact = আপনার যোগাযোগের তথ্য (ঐচ্ছিক)
form-contact-hint = শুধু সংশ্লিষ্ট মন্ত্রণালয়ের কর্মকর্তারা এগুলো দেখতে পান। নাম প্রকাশ না করতে চাইলে খালি রাখুন।
form-name = নাম
form-email = ইমেইল
form-phone = মোবাইল নম্বর
form-consent = এই সেবায় অগ্রগতি হলে আমাকে ইমেইলে জানান
form-privacy = মতামতের লেখায় আপনার এনআইডি নম্বর, ফোন নম্বর বা ঠিকানা লিখবেন না।
form-submit = মতামত পাঠান

thanks-title = মতামত গৃহীত হয়েছে
thanks-heading = ধন্যবাদ, আপনার মতামত গৃহীত হয়েছে
thanks-code-intro = আপনার ট্র্যাকিং কোড
thanks-keep-code = কোডটি লিখে রাখুন বা স্ক্রিনশট নিন। এটি দিয়ে আপনার মতামতের কী হলো তা দেখতে পারবেন।
thanks-next-heading = এরপর কী হবে
thanks-next = সেবা-নকশাকারীরা মতামতগুলো সেবা ও সমস্যা অনুযায়ী একসাথে পড়েন। যেসব সেবায় ভোগান্তি সবচেয়ে বেশি, সেগুলোকে ই-সেবায় রূপান্তরের জন্য এগিয়ে নেওয়া হয়।
thanks-track-link = আপনার মতামতের অবস্থা দেখুন
thanks-back = { $service } সেবায় ফিরে যান

track-title = আপনার মতামতের অবস্থা দেখুন
track-label = ট্র্যাকিং কোড
track-hint = মতামত দেওয়ার পর দেখানো ১০টি অক্ষর ও অঙ্ক, যেমন 7KX4M-2QHTD
track-button = খুঁজুন
track-unknown-title = ট্র্যাকিং কোড পাওয়া যায়নি
track-unknown-text = { $code } কোডের কোনো মতামত আমাদের কাছে নেই। কোডটি মিলিয়ে আবার চেষ্টা করুন।
track-result-title = আপনার মতামত
track-code = ট্র্যাকিং কোড
track-service = সেবা
track-kind = ধরন
track-received = গ্রহণের তারিখ
track-district = জেলা
track-status = অবস্থা
track-status-explained = একই সেবা নিয়ে আসা অন্যান্য মতামতের সাথে মিলিয়ে আপনার মতামত পর্যালোচনা করা হয়। সেবাটি নতুন করে নকশার জন্য নেওয়া হলে এখানে দেখতে পাবেন।
track-plan = এই সেবার ই-সেবা পরিকল্পনা
track-plan-none = এখনো হাতে নেওয়া হয়নি
track-theme = আপনার মতামত যে বিষয়ের অংশ
status-received = গৃহীত, এই সেবার অন্য মতামতের সাথে গোনা হচ্ছে
status-not-published = পর্যালোচিত, প্রকাশ করা হয়নি

error-page-help = দুঃখিত। আপনি পেছনে ফিরে যেতে পারেন, অথবা প্রথম পাতা থেকে আবার শুরু করতে পারেন।
error-reference = সহায়তার জন্য রেফারেন্স: { $id }
error-home-link = প্রথম পাতায় যান
error-validation = কিছু তথ্য সঠিক নয়
error-bad-request = অনুরোধটি বোঝা যায়নি
error-not-found = পাতাটি পাওয়া যায়নি
error-unauthorized = অনুগ্রহ করে লগ ইন করুন
error-forbidden = এই কাজের অনুমতি আপনার নেই
error-conflict = এটি আগে থেকে সংরক্ষিত তথ্যের সাথে মেলে না
error-payload-too-large = পাঠানো তথ্য খুব বড়
error-unsupported-media-type = এখানে এই ধরনের তথ্য নেওয়া হয় না; JSON পাঠান
error-unavailable = সেবাটি এই মুহূর্তে ব্যস্ত বা বন্ধ। কয়েক সেকেন্ড পরে আবার চেষ্টা করুন
error-internal = আমাদের দিকে কিছু একটা ভুল হয়েছে
error-method-not-allowed = এখানে এই কাজটি করা যায় না
error-too-many-requests = অনেক বেশি অনুরোধ; একটু অপেক্ষা করুন

error-kind-required = কী জানাতে চান বেছে নিন: অভিযোগ, প্রত্যাশা নাকি পরামর্শ
error-kind-unknown = অভিযোগ, প্রত্যাশা বা পরামর্শ বেছে নিন
error-text-required = আপনার মতামত লিখুন
error-text-too-short = অন্তত { $min } অক্ষর লিখুন
error-text-too-long = সর্বোচ্চ { $max } অক্ষর লেখা যাবে (আপনি লিখেছেন { $length })
error-step-range = ধাপের নম্বর ১ থেকে { $max } পর্যন্ত
error-step-unknown = এই সেবার ধাপগুলোর একটি বেছে নিন
error-number-invalid = পূর্ণ সংখ্যা লিখুন, যেমন ৫ বা 5
error-number-negative = সংখ্যা শূন্যের কম হতে পারে না
error-number-not-whole = ভগ্নাংশ ছাড়া পূর্ণ সংখ্যা লিখুন
error-number-too-large = সংখ্যা সর্বোচ্চ { $max } হতে পারে
error-district-required = আপনার জেলা বেছে নিন
error-district-unknown = ৬৪টি জেলার একটি বেছে নিন
error-name-too-long = নাম সর্বোচ্চ { $max } অক্ষরের হতে পারে
error-email-invalid = name@example.com-এর মতো একটি ইমেইল ঠিকানা লিখুন
error-phone-invalid = ০১৭১১ ০০০০০০-এর মতো একটি মোবাইল নম্বর লিখুন
error-consent-needs-email = অগ্রগতি জানতে চাইলে ইমেইল ঠিকানা লিখুন (অথবা টিক চিহ্নটি তুলে দিন)
error-wrong-type = এই মানটির ধরন সঠিক নয়; লেখা বা সংখ্যা পাঠান
error-page-invalid = ১ থেকে { $max } পর্যন্ত একটি পাতা নম্বর লিখুন
error-service-required = সেবার কোড দিন
error-service-unknown = এই কোডের কোনো সেবা নেই
error-language-unknown = ভাষা bn অথবা en হতে হবে
error-tracking-code-malformed = ট্র্যাকিং কোডে ১০টি অক্ষর ও অঙ্ক থাকে, যেমন 7KX4M-2QHTD
error-tracking-code-empty = রসিদে পাওয়া ট্র্যাকিং কোডটি লিখুন, যেমন 7KX4M-2QHTD
error-tracking-code-never-used = ট্র্যাকিং কোডে “{ $char }” কখনো থাকে না (কোডে 0/O, 1/I/L বা U নেই): রসিদের কোডটি মিলিয়ে দেখুন

open311-number-hint = ০ থেকে { $max } পর্যন্ত একটি পূর্ণ সংখ্যা
open311-service-notice = ধন্যবাদ। সেবা-নকশাকারীরা একই সেবা নিয়ে আসা অন্যান্য মতামতের সাথে মিলিয়ে এটি পর্যালোচনা করবেন।
error-idempotency-key-invalid = Idempotency-Key-এ ১ থেকে ২০০টি দৃশ্যমান অক্ষর থাকতে হবে

# Glossary: the product's words, one for each thing, used the same way on every page.
# A feedback (মতামত) is what one citizen wrote; a voice (মত) is one citizen counted once:
# their own feedback or a "me too" on another's. Counts of people are voices; entries are feedback.
-feedback = মতামত
-voice = মত
glossary-feedback = { -feedback }
glossary-feedback-means = একজন নাগরিকের লেখা একটি অভিযোগ, প্রত্যাশা বা পরামর্শ; প্রতিটির একটি ট্র্যাকিং কোড থাকে।
glossary-voice = { -voice }
glossary-voice-means = একজন নাগরিক, একবার গোনা: তাঁর নিজের { -feedback }, অথবা অন্য কারও { -feedback }তে "আমারও"। অগ্রাধিকার { -voice } গোনে।
error-invalid-value = এই মানটি ব্যবহার করা যায় না
