# ব্যাকলগ রপ্তানি (CSV, XLSX, JSON): রপ্তানির ভুল অনুরোধের বার্তা।
error-export-status = একটি অবস্থা বেছে নিন: identified, designing, approved, building, live, dropped অথবা candidate
error-export-category = রোডম্যাপ ক্যাটাগরি ১, ২ অথবা none বেছে নিন
error-export-year = অর্থবছরটি ২০২৬-২৭ আকারে লিখুন
error-export-table = একটি টেবিল বেছে নিন: backlog, themes, weights অথবা parameters
error-export-lang = শিরোনামের ভাষা বেছে নিন: bn (বাংলা) অথবা en (ইংরেজি)
export-yes = হ্যাঁ
export-no = না
export-weights-national = জাতীয়
export-weights-ministry = মন্ত্রণালয়ের নিজস্ব
export-unit-utc = ইউটিসি (UTC)
export-unit-rows = সারি
export-unit-bdt-per-day-of-waiting = অপেক্ষার প্রতিদিনে টাকা
export-unit-bdt-per-visit-to-an-office = অফিসে প্রতিবার যাতায়াতে টাকা
export-unit-hours-per-visit = প্রতিবার যাতায়াতে ঘণ্টা
export-unit-voices-largest-of-all-services = মত, সব সেবার মধ্যে সর্বোচ্চ
export-unit-bdt-a-year-largest-of-all-services = বছরে টাকা, সব সেবার মধ্যে সর্বোচ্চ
export-unit-bdt-per-application-largest-of-all-services = প্রতি আবেদনে টাকা, সব সেবার মধ্যে সর্বোচ্চ
