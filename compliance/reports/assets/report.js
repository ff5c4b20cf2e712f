(function(){
  var hint=document.getElementById('hint');
  function openDetail(id){
    document.querySelectorAll('.finding-detail').forEach(function(s){s.hidden=true;});
    document.querySelectorAll('[aria-expanded=true]').forEach(function(b){b.setAttribute('aria-expanded','false');});
    var s=document.getElementById(id); if(!s) return;
    s.hidden=false; hint.hidden=true;
    document.querySelectorAll('[data-target="'+id+'"]').forEach(function(b){b.setAttribute('aria-expanded','true');});
    s.focus();
  }
  function showView(name){
    document.querySelectorAll('[data-view]').forEach(function(b){b.setAttribute('aria-selected',String(b.dataset.view===name));});
    document.querySelectorAll('.view').forEach(function(v){v.hidden=(v.id!=='view-'+name);});
  }
  function filter(){
    var d=document.getElementById('f-dossier').value, v=document.getElementById('f-verdict').value;
    document.querySelectorAll('[data-dossier]').forEach(function(row){
      var cells=row.querySelectorAll('[data-verdict]'), any=false;
      cells.forEach(function(c){var ok=!v||c.dataset.verdict===v; c.classList.toggle('dim',!ok); any=any||ok;});
      row.hidden=(d&&row.dataset.dossier!==d)||!any;
    });
  }
  document.addEventListener('click',function(e){
    var t=e.target.closest('[data-target]'); if(t){openDetail(t.dataset.target);return;}
    var v=e.target.closest('[data-view]'); if(v){showView(v.dataset.view);}
  });
  document.getElementById('f-dossier').addEventListener('change',filter);
  document.getElementById('f-verdict').addEventListener('change',filter);
  document.querySelector('.controls').hidden=false;
})();
