console.log("svyprop: commands coming");
