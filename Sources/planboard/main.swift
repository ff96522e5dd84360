print("planboard")
