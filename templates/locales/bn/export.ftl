# ব্যাকলগ রপ্তানি (CSV, XLSX, JSON): রপ্তানির ভুল অনুরোধের বার্তা।
error-export-status = একটি অবস্থা বেছে নিন: identified, designing, approved, building, live, dropped অথবা candidate
error-export-category = রোডম্যাপ ক্যাটাগরি ১, ২ অথবা none বেছে নিন
error-export-year = অর্থবছরটি ২০২৬-২৭ আকারে লিখুন
error-export-table = একটি টেবিল বেছে নিন: backlog, themes, weights অথবা parameters
