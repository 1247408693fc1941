import random, csv, datetime
random.seed(7)
subjects = {
 "programming": ("py", ["Python","Programming","Algorithms","Testing","Git","Java","Data Structures","Debugging"]),
 "data": ("ds", ["SQL","Statistics","Machine Learning","Data Visualization","Pandas","Regression","Deep Learning","Spark"]),
 "design": ("ux", ["User Research","Prototyping","Typography","Figma","Accessibility","Colour Theory","Interaction Design","Usability Testing"]),
 "business": ("bz", ["Marketing","Finance","Accounting","Negotiation","Leadership","Project Management","Sales","Strategy"]),
 "languages": ("es", ["Spanish","Grammar","Conversation","Vocabulary","Pronunciation","Writing","Listening","Culture"]),
}
levels = ["beginner","beginner","beginner","intermediate","intermediate","intermediate","advanced","advanced"]
courses=[]
for subj,(p,skills) in subjects.items():
  for i in range(8):
    cid=f"{p}{i+1}"
    s1=skills[i]; s2=skills[(i+1)%8]
    title=f"{s1} {['Foundations','Essentials','in Practice','Workshop','for Professionals','Deep Dive','Masterclass','Capstone'][i]}"
    desc=f"A {levels[i]} {subj} course on {s1.lower()} and {s2.lower()}, with exercises and a final project."
    courses.append([cid,title,desc,f"{s1}|{s2}","Fixture University",levels[i],subj,"en",str(4+2*i),"",f"{4.0+0.1*(i%5):.1f}",str(50+10*i),"",""])
with open("courses.csv","w",newline="") as f:
  w=csv.writer(f); w.writerow(["course_id","title","description","skills","organization","level","subject","language","duration_hours","duration_text","rating","num_ratings","url","prerequisites"]); w.writerows(courses)
subjlist=list(subjects.keys())
users=[]; inter=[]
t0=datetime.datetime(2025,1,1,tzinfo=datetime.timezone.utc)
for u in range(1,61):
  uid=f"u{u:02d}"; home=subjlist[(u-1)%5]; p,skills=subjects[home]
  interests="|".join(random.sample(skills,2)) if u%3==0 else ""
  users.append([uid,interests,"","beginner" if u%2 else "intermediate","en"])
  n=random.randint(4,7)
  order=list(range(8)); 
  start=random.randint(0,2)
  taken=order[start:start+n]
  t=t0+datetime.timedelta(days=random.randint(0,60))
  for i in taken:
    ev=random.choice(["enroll","complete","complete","view"])
    t+=datetime.timedelta(days=random.randint(1,9))
    inter.append([uid,f"{p}{i+1}",ev,"",t.strftime("%Y-%m-%dT%H:%M:%SZ")])
    if ev=="complete" and random.random()<0.3:
      t+=datetime.timedelta(hours=2)
      inter.append([uid,f"{p}{i+1}","rate",str(random.randint(3,5)),t.strftime("%Y-%m-%dT%H:%M:%SZ")])
  other=subjects[subjlist[u%5]][0]
  t+=datetime.timedelta(days=3)
  inter.append([uid,f"{other}{random.randint(1,8)}","view","",t.strftime("%Y-%m-%dT%H:%M:%SZ")])
  if u%7==0:
    t+=datetime.timedelta(days=1)
    inter.append([uid,f"{p}8","dismiss","",t.strftime("%Y-%m-%dT%H:%M:%SZ")])
with open("users.csv","w",newline="") as f:
  w=csv.writer(f); w.writerow(["user_id","interests","goals","level","language"]); w.writerows(users)
with open("interactions.csv","w",newline="") as f:
  w=csv.writer(f); w.writerow(["user_id","course_id","event","rating","timestamp"]); w.writerows(inter)
print(len(courses),len(users),len(inter))
